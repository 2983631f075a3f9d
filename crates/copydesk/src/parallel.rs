//! An ordered parallel map for batches of documents, shared by the command-line tool and the
//! Python bindings.
//!
//! The calling thread works beside the pool's workers, and every thread takes the next item from
//! a shared counter. Documents differ in size by orders of magnitude, and a pool that splits a
//! batch into ranges up front leaves threads idle at the end while one finishes a long range;
//! here a thread is never more than one item behind the others. The calling thread starts at
//! once, instead of sleeping while a pool worker wakes up.

use rayon::ThreadPool;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

/// Map `f` over `items` on the calling thread and every worker of `pool` (the calling thread
/// alone when `pool` is None or there is at most one item), keeping the order.
///
/// The calling thread should not be one of `pool`'s workers. A panic in `f` is resumed on the
/// calling thread once every thread has stopped.
pub fn map<T, R, F>(pool: Option<&ThreadPool>, items: &[T], f: F) -> Vec<R>
where
    T: Sync,
    R: Send + Sync,
    F: Fn(&T) -> R + Sync + Send,
{
    let workers = pool.map_or(0, ThreadPool::current_num_threads).min(items.len().saturating_sub(1));
    let Some(pool) = pool.filter(|_| workers > 0) else { return items.iter().map(f).collect() };
    let slots: Vec<OnceLock<R>> = items.iter().map(|_| OnceLock::new()).collect();
    let next = AtomicUsize::new(0);
    let take_items = || {
        while let Some((x, slot)) = next_item(&next, items, &slots) {
            // Each index is handed out once, so the slot is empty.
            let _ = slot.set(f(x));
        }
    };
    pool.in_place_scope(|s| {
        for _ in 0..workers {
            s.spawn(|_| take_items());
        }
        take_items();
    });
    // Every slot is filled: each index below `items.len()` was taken by one thread, and a panic
    // in `f` would have ended the scope above by resuming it here.
    slots.into_iter().filter_map(OnceLock::into_inner).collect()
}

/// Drop `items` in about equal parts on the calling thread and `pool`'s workers: for results
/// that pool workers made, which the calling thread alone would free one by one.
pub fn drop_all<T: Send>(pool: Option<&ThreadPool>, items: Vec<T>) {
    let threads = 1 + pool.map_or(0, ThreadPool::current_num_threads);
    let per = items.len().div_ceil(threads).max(1);
    let mut parts = Vec::with_capacity(threads);
    let mut rest = items.into_iter();
    loop {
        let part: Vec<T> = rest.by_ref().take(per).collect();
        if part.is_empty() {
            break;
        }
        parts.push(Mutex::new(part));
    }
    map(pool, &parts, |p| {
        let part = match p.lock() {
            Ok(mut g) => std::mem::take(&mut *g),
            Err(e) => std::mem::take(&mut *e.into_inner()),
        };
        drop(part);
    });
}

/// The next item and its result slot, or None when all are taken.
fn next_item<'a, T, R>(
    next: &AtomicUsize,
    items: &'a [T],
    slots: &'a [OnceLock<R>],
) -> Option<(&'a T, &'a OnceLock<R>)> {
    let i = next.fetch_add(1, Ordering::Relaxed);
    Some((items.get(i)?, slots.get(i)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pool(n: usize) -> ThreadPool {
        rayon::ThreadPoolBuilder::new().num_threads(n).build().expect("pool")
    }

    fn work(n: u64) -> u64 {
        (0..n).fold(n, |a, b| a.wrapping_mul(31).wrapping_add(b))
    }

    #[test]
    fn map_keeps_order_with_items_of_any_cost() {
        let items: Vec<u64> = (0..500).map(|i| if i % 97 == 0 { 20_000 } else { i }).collect();
        let seq: Vec<u64> = items.iter().map(|&n| work(n)).collect();
        for p in [None, Some(pool(1)), Some(pool(3))] {
            assert_eq!(map(p.as_ref(), &items, |&n| work(n)), seq);
            assert!(map(p.as_ref(), &Vec::<u64>::new(), |&x| x).is_empty());
            assert_eq!(map(p.as_ref(), &[7u64], |&x| x + 1), vec![8]);
        }
    }

    #[test]
    fn the_calling_thread_takes_part() {
        let p = pool(1);
        let me = std::thread::current().id();
        let items: Vec<u64> = (0..200).collect();
        let ran_here = map(Some(&p), &items, |&n| {
            // Long enough that both threads get items.
            std::hint::black_box(work(2_000 + n));
            std::thread::current().id() == me
        });
        assert!(ran_here.iter().any(|&x| x));
        assert!(map(None, &items, |_| std::thread::current().id() == me).into_iter().all(|x| x));
    }

    #[test]
    fn a_panic_reaches_the_caller() {
        let p = pool(2);
        let items: Vec<u64> = (0..100).collect();
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            map(Some(&p), &items, |&n| {
                assert!(n != 57, "item 57");
                n
            })
        }));
        assert!(r.is_err());
        // The pool still works afterwards.
        assert_eq!(map(Some(&p), &items, |&n| n).len(), 100);
    }

    #[test]
    fn drop_all_drops_everything() {
        static DROPPED: AtomicUsize = AtomicUsize::new(0);
        struct Counted;
        impl Drop for Counted {
            fn drop(&mut self) {
                DROPPED.fetch_add(1, Ordering::Relaxed);
            }
        }
        let p = pool(2);
        drop_all(Some(&p), (0..1001).map(|_| Box::new(Counted)).collect());
        drop_all(Some(&p), Vec::<Box<Counted>>::new());
        drop_all(None, (0..3).map(|_| Box::new(Counted)).collect());
        assert_eq!(DROPPED.load(Ordering::Relaxed), 1004);
    }
}
