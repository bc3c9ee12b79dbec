// goroutines: 1,000 goroutines passing values over channels (a ring of unbuffered channels
// and a fan-in), with GOMAXPROCS left to the runtime (several OS threads, asynchronous
// preemption on). Prints the sums, which are fixed; exits 0.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	const n = 1000
	// a ring: each goroutine adds its index to what it receives and passes it on
	ring := make([]chan int, n+1)
	for i := range ring {
		ring[i] = make(chan int)
	}
	for i := 0; i < n; i++ {
		go func(i int) {
			v := <-ring[i]
			ring[i+1] <- v + i
		}(i)
	}
	ring[0] <- 0
	fmt.Println("ring sum", <-ring[n])

	// a fan-in through a WaitGroup, each goroutine doing some work first
	results := make(chan int, 16)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			s := 0
			for k := 0; k < 1000; k++ {
				s += (i * k) % 7
			}
			results <- s
		}(i)
	}
	go func() { wg.Wait(); close(results) }()
	total := 0
	for v := range results {
		total += v
	}
	fmt.Println("fan-in total", total)
	fmt.Println("threads used > 1:", runtime.GOMAXPROCS(0) > 1)
}
