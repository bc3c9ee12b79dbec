//! Threaded tests for libtest's harness, run under the emulator as a guest program:
//! std::thread::spawn and join with values; Arc<Mutex> counters from 8 threads; mpsc
//! channels (unbounded and bounded sync_channel); AtomicU64 fetch_add and
//! compare_exchange loops; Barrier phases with one leader each; Condvar hand-off,
//! wait_while and wait_timeout; thread::scope borrowing the caller's data; a panic in a
//! thread caught by join, and a Mutex poisoned by it; RwLock readers and writers;
//! thread_local! per thread; park/unpark; Builder names and stack sizes. The harness
//! runs them on its own threads too (--test-threads=4).

#[cfg(test)]
mod tests {
    use std::cell::Cell;
    use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
    use std::sync::mpsc;
    use std::sync::{Arc, Barrier, Condvar, Mutex, RwLock};
    use std::thread;
    use std::time::{Duration, Instant};

    #[test]
    fn spawn_and_join_return_values() {
        let handles: Vec<_> = (0..6u64).map(|i| thread::spawn(move || 1000 * i + i * i)).collect();
        let sum: u64 = handles.into_iter().map(|h| h.join().unwrap()).sum();
        assert_eq!(sum, 15055);
    }

    #[test]
    fn arc_mutex_counter_from_8_threads() {
        let counter = Arc::new(Mutex::new(0u64));
        let handles: Vec<_> = (0..8)
            .map(|_| {
                let c = Arc::clone(&counter);
                thread::spawn(move || {
                    for _ in 0..2000 {
                        *c.lock().unwrap() += 1;
                    }
                })
            })
            .collect();
        for h in handles {
            h.join().unwrap();
        }
        assert_eq!(*counter.lock().unwrap(), 16000);
        assert_eq!(Arc::strong_count(&counter), 1);
    }

    #[test]
    fn mpsc_channels() {
        let (tx, rx) = mpsc::channel::<u64>();
        for p in 0..4u64 {
            let tx = tx.clone();
            thread::spawn(move || {
                for k in 0..250 {
                    tx.send(p * 1000 + k).unwrap();
                }
            });
        }
        drop(tx);
        let got: Vec<u64> = rx.iter().collect();
        assert_eq!(got.len(), 1000);
        assert_eq!(got.iter().sum::<u64>(), (0..4u64).map(|p| p * 1000 * 250 + 249 * 250 / 2).sum());

        // a bounded channel of 2: the sender blocks until the receiver takes
        let (tx, rx) = mpsc::sync_channel::<u32>(2);
        let sender = thread::spawn(move || {
            for k in 0..500 {
                tx.send(k).unwrap();
            }
        });
        let mut expect = 0;
        for v in rx.iter() {
            assert_eq!(v, expect);
            expect += 1;
        }
        sender.join().unwrap();
        assert_eq!(expect, 500);
    }

    #[test]
    fn atomic_u64_fetch_add_and_cas() {
        let added = Arc::new(AtomicU64::new(0));
        let cas = Arc::new(AtomicU64::new(0xffff_fff0));
        let handles: Vec<_> = (0..8)
            .map(|_| {
                let (added, cas) = (Arc::clone(&added), Arc::clone(&cas));
                thread::spawn(move || {
                    for _ in 0..5000 {
                        added.fetch_add(3, Ordering::Relaxed);
                    }
                    for _ in 0..2000 {
                        let mut old = cas.load(Ordering::Relaxed);
                        while let Err(now) = cas.compare_exchange_weak(old, old + 5, Ordering::AcqRel, Ordering::Relaxed) {
                            old = now;
                        }
                    }
                })
            })
            .collect();
        for h in handles {
            h.join().unwrap();
        }
        assert_eq!(added.load(Ordering::SeqCst), 8 * 5000 * 3);
        assert_eq!(cas.load(Ordering::SeqCst), 0xffff_fff0 + 8 * 2000 * 5);
    }

    #[test]
    fn barrier_phases_with_one_leader() {
        const N: usize = 6;
        let barrier = Arc::new(Barrier::new(N));
        let arrived = Arc::new(AtomicUsize::new(0));
        let leaders = Arc::new(AtomicUsize::new(0));
        let handles: Vec<_> = (0..N)
            .map(|_| {
                let (barrier, arrived, leaders) = (Arc::clone(&barrier), Arc::clone(&arrived), Arc::clone(&leaders));
                thread::spawn(move || {
                    for phase in 1..=3 {
                        arrived.fetch_add(1, Ordering::SeqCst);
                        if barrier.wait().is_leader() {
                            leaders.fetch_add(1, Ordering::SeqCst);
                        }
                        // every thread of this phase has arrived before anyone goes on
                        assert!(arrived.load(Ordering::SeqCst) >= phase * N);
                        barrier.wait();
                    }
                })
            })
            .collect();
        for h in handles {
            h.join().unwrap();
        }
        assert_eq!(arrived.load(Ordering::SeqCst), 3 * N);
        assert_eq!(leaders.load(Ordering::SeqCst), 3);
    }

    #[test]
    fn condvar_handoff_and_timeout() {
        let pair = Arc::new((Mutex::new(Vec::<u32>::new()), Condvar::new()));
        let consumer = {
            let pair = Arc::clone(&pair);
            thread::spawn(move || {
                let (m, cv) = &*pair;
                let mut taken = 0u32;
                let mut sum = 0u32;
                while taken < 100 {
                    let mut q = cv.wait_while(m.lock().unwrap(), |q| q.is_empty()).unwrap();
                    while let Some(v) = q.pop() {
                        sum += v;
                        taken += 1;
                    }
                    cv.notify_all();
                }
                sum
            })
        };
        {
            let (m, cv) = &*pair;
            for v in 0..100 {
                let mut q = cv.wait_while(m.lock().unwrap(), |q| q.len() >= 4).unwrap();
                q.push(v);
                cv.notify_all();
            }
        }
        assert_eq!(consumer.join().unwrap(), 4950);

        let (m, cv) = &*pair;
        let start = Instant::now();
        let (_guard, res) = cv.wait_timeout(m.lock().unwrap(), Duration::from_millis(20)).unwrap();
        assert!(res.timed_out());
        assert!(start.elapsed() >= Duration::from_millis(20));
    }

    #[test]
    fn scoped_threads_borrow_local_data() {
        let data: Vec<u64> = (1..=1000).collect();
        let mut partial = [0u64; 4];
        thread::scope(|s| {
            for (chunk, out) in data.chunks(250).zip(partial.iter_mut()) {
                s.spawn(move || *out = chunk.iter().sum());
            }
        });
        assert_eq!(partial, [31375, 93875, 156375, 218875]);
        let total = AtomicU64::new(0);
        thread::scope(|s| {
            for i in 0..4 {
                let total = &total;
                s.spawn(move || total.fetch_add(i, Ordering::SeqCst));
            }
        });
        assert_eq!(total.into_inner(), 6);
    }

    #[test]
    fn panic_in_thread_is_caught_by_join() {
        let r = thread::spawn(|| -> u32 { panic!("boom in a thread") }).join();
        let payload = r.expect_err("the thread panicked");
        assert_eq!(payload.downcast_ref::<&str>(), Some(&"boom in a thread"));

        let m = Arc::new(Mutex::new(1));
        let m2 = Arc::clone(&m);
        let r = thread::spawn(move || {
            let _g = m2.lock().unwrap();
            panic!("poisoning");
        })
        .join();
        assert!(r.is_err());
        assert!(m.is_poisoned());
        assert_eq!(*m.lock().unwrap_or_else(|e| e.into_inner()), 1);
    }

    #[test]
    fn rwlock_readers_and_writers() {
        let lock = Arc::new(RwLock::new((0u64, 0u64)));
        let mut handles = Vec::new();
        for _ in 0..2 {
            let lock = Arc::clone(&lock);
            handles.push(thread::spawn(move || {
                for _ in 0..500 {
                    let mut w = lock.write().unwrap();
                    w.0 += 1;
                    thread::yield_now();
                    w.1 += 1;
                }
            }));
        }
        for _ in 0..4 {
            let lock = Arc::clone(&lock);
            handles.push(thread::spawn(move || {
                for _ in 0..500 {
                    let r = lock.read().unwrap();
                    assert_eq!(r.0, r.1);
                }
            }));
        }
        for h in handles {
            h.join().unwrap();
        }
        assert_eq!(*lock.read().unwrap(), (1000, 1000));
    }

    thread_local!(static PER_THREAD: Cell<u32> = Cell::new(7));

    #[test]
    fn thread_local_values_per_thread() {
        let handles: Vec<_> = (0..5u32)
            .map(|i| {
                thread::spawn(move || {
                    let fresh = PER_THREAD.with(|c| c.get());
                    PER_THREAD.with(|c| c.set(c.get() + i));
                    (fresh, PER_THREAD.with(|c| c.get()))
                })
            })
            .collect();
        PER_THREAD.with(|c| c.set(1000));
        let seen: Vec<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
        assert_eq!(seen, vec![(7, 7), (7, 8), (7, 9), (7, 10), (7, 11)]);
        assert_eq!(PER_THREAD.with(|c| c.get()), 1000);
    }

    #[test]
    fn park_unpark_and_builder() {
        let flag = Arc::new(AtomicUsize::new(0));
        let f = Arc::clone(&flag);
        let parked = thread::Builder::new()
            .name("parker".into())
            .stack_size(256 * 1024)
            .spawn(move || {
                while f.load(Ordering::SeqCst) == 0 {
                    thread::park();
                }
                thread::current().name().map(str::to_owned)
            })
            .unwrap();
        thread::sleep(Duration::from_millis(10));
        flag.store(1, Ordering::SeqCst);
        parked.thread().unpark();
        assert_eq!(parked.join().unwrap().as_deref(), Some("parker"));
        assert!(thread::available_parallelism().map(|n| n.get()).unwrap_or(0) > 0);
    }
}
