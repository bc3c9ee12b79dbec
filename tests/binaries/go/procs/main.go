// procs: os/exec as Go programs use it. Go starts a command with clone(CLONE_VM|CLONE_VFORK)
// from whichever OS thread runs the goroutine, so this is vfork in a multithreaded process:
// this program run again as a child (its output through a pipe, its exit status), eight
// children started at once from eight goroutines, a host program (/bin/sh), a missing
// program's error (reported by the child through a pipe) and a child reading its stdin.
// Prints fixed lines; exits 0.
package main

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
)

func main() {
	if len(os.Args) > 2 && os.Args[1] == "child" {
		fmt.Printf("child %s\n", os.Args[2])
		os.Exit(3)
	}
	if len(os.Args) > 1 && os.Args[1] == "upper" {
		in, _ := io.ReadAll(os.Stdin)
		fmt.Print(strings.ToUpper(string(in)))
		return
	}
	self, err := os.Executable()
	if err != nil {
		fmt.Println("os.Executable:", err)
		os.Exit(1)
	}
	out, err := exec.Command(self, "child", "one").Output()
	fmt.Printf("one child: %q, %v\n", out, err)

	var wg sync.WaitGroup
	results := make([]string, 8)
	for i := range results {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			o, e := exec.Command(self, "child", fmt.Sprint(i)).Output()
			results[i] = fmt.Sprintf("%s, %v", strings.TrimSpace(string(o)), e)
		}(i)
	}
	wg.Wait()
	for _, r := range results {
		fmt.Println("at once:", r)
	}

	out, err = exec.Command("/bin/sh", "-c", "echo native $((6 * 7))").Output()
	fmt.Printf("host sh: %q, %v\n", out, err)
	_, err = exec.Command("/nonexistent/program").Output()
	fmt.Println("missing:", err)
	c := exec.Command(self, "upper")
	c.Stdin = strings.NewReader("from stdin\n")
	out, err = c.Output()
	fmt.Printf("stdin: %q, %v\n", out, err)
}
