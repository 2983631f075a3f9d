//! Thread pools for batch work: one rayon pool per thread count, built once and reused,
//! switchable by environment variables and safe after `fork()`.
//!
//! Work for `n` threads runs on the calling thread (detached from Python) and `n - 1` pool
//! workers, which take the items one at a time from a shared counter: the caller starts at
//! once instead of sleeping while a worker wakes up, and no thread idles at the end of a batch
//! while another still has a long run of items to do (a thread is never more than one item
//! behind).
//!
//! - `COPYDESK_NUM_THREADS=N` sets the default thread count (else the number of CPUs).
//! - `COPYDESK_PARALLELISM=false` (or `0`, `off`, `no`) turns parallelism off: work runs on the
//!   calling thread.
//!
//! Fork safety (the problem tokenizers solves with a `pthread_atfork` hook): a forked child
//! inherits the pools' bookkeeping but none of their worker threads, so using an inherited pool
//! would hang. Every pool records the id of the process that built it; a child notices the
//! different process id, forgets the inherited pools without touching them and builds its own.
//! If the bookkeeping lock was held at the moment of the fork, the child runs the work on the
//! calling thread instead of waiting on a lock that will never be released.

use rayon::ThreadPool;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock, TryLockError};

/// The largest thread count a call may ask for (each count gets its own pool, kept for reuse).
pub(crate) const MAX_THREADS: usize = 1024;

/// The process that owns the pools (read without the lock, to detect a fork).
static OWNER_PID: AtomicU32 = AtomicU32::new(0);

struct Pools {
    pid: u32,
    /// Pools by their number of worker threads.
    by_workers: HashMap<usize, Arc<ThreadPool>>,
}

fn pools() -> &'static Mutex<Pools> {
    static POOLS: OnceLock<Mutex<Pools>> = OnceLock::new();
    POOLS.get_or_init(|| {
        let pid = std::process::id();
        OWNER_PID.store(pid, Ordering::Release);
        Mutex::new(Pools { pid, by_workers: HashMap::new() })
    })
}

/// True unless `COPYDESK_PARALLELISM` says false/0/off/no.
pub(crate) fn parallelism_enabled() -> bool {
    match std::env::var("COPYDESK_PARALLELISM") {
        Ok(v) => !matches!(v.trim().to_ascii_lowercase().as_str(), "0" | "false" | "off" | "no"),
        Err(_) => true,
    }
}

/// The default thread count: `COPYDESK_NUM_THREADS` when set to a positive number, else the
/// number of CPUs available to this process.
pub(crate) fn default_threads() -> usize {
    std::env::var("COPYDESK_NUM_THREADS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&n| n > 0)
        .map(|n| n.min(MAX_THREADS))
        .unwrap_or_else(|| std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1))
}

/// The number of threads a call with `n_threads` will use (1 when parallelism is off).
pub(crate) fn effective_threads(n_threads: Option<usize>) -> usize {
    if !parallelism_enabled() {
        return 1;
    }
    n_threads.filter(|&n| n > 0).unwrap_or_else(default_threads)
}

/// The shared pool of `workers` worker threads, or None when the work should run on the calling
/// thread alone (no workers, or a forked child whose bookkeeping lock was inherited locked, or a
/// pool that could not be built).
fn pool(workers: usize) -> Option<Arc<ThreadPool>> {
    if workers == 0 {
        return None;
    }
    let mut guard = match pools().try_lock() {
        Ok(g) => g,
        Err(TryLockError::Poisoned(p)) => p.into_inner(),
        Err(TryLockError::WouldBlock) => {
            // Another thread builds a pool right now (parent), or the lock was held when this
            // process was forked (child). Only the first case may wait.
            if OWNER_PID.load(Ordering::Acquire) != std::process::id() {
                return None;
            }
            match pools().lock() {
                Ok(g) => g,
                Err(p) => p.into_inner(),
            }
        }
    };
    let pid = std::process::id();
    if guard.pid != pid {
        // Forked child: the inherited pools have no threads here. Dropping them would signal
        // threads that do not exist, so leak them (a few bytes each) and start afresh.
        for (_, p) in guard.by_workers.drain() {
            std::mem::forget(p);
        }
        guard.pid = pid;
    }
    OWNER_PID.store(pid, Ordering::Release);
    if let Some(p) = guard.by_workers.get(&workers) {
        return Some(p.clone());
    }
    let built = rayon::ThreadPoolBuilder::new()
        .num_threads(workers)
        .thread_name(|i| format!("copydesk-{i}"))
        .build()
        .ok()
        .map(Arc::new)?;
    guard.by_workers.insert(workers, built.clone());
    Some(built)
}

/// Map `f` over `items` on `threads` threads (the calling thread and `threads - 1` workers of
/// the shared pool), keeping the order. Threads take the next item from a shared counter, so the
/// work stays balanced to the last item whatever the items' sizes.
pub(crate) fn map<T, R, F>(items: &[T], threads: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send + Sync,
    F: Fn(&T) -> R + Sync + Send,
{
    let workers = threads.saturating_sub(1).min(items.len().saturating_sub(1));
    let Some(p) = pool(workers) else { return items.iter().map(f).collect() };
    let slots: Vec<OnceLock<R>> = items.iter().map(|_| OnceLock::new()).collect();
    let next = AtomicUsize::new(0);
    let take_items = || {
        while let Some((x, slot)) = next_item(&next, items, &slots) {
            // Each index is handed out once, so the slot is empty.
            let _ = slot.set(f(x));
        }
    };
    p.in_place_scope(|s| {
        for _ in 0..workers {
            s.spawn(|_| take_items());
        }
        take_items();
    });
    // Every slot is filled: each index below `items.len()` was taken by one thread, and a panic
    // in `f` would have ended the scope above by resuming it here.
    slots.into_iter().filter_map(OnceLock::into_inner).collect()
}

/// Drop `items` on `threads` threads (in about equal parts): for results made by pool workers,
/// which the calling thread alone would free one by one.
pub(crate) fn drop_all<T: Send>(items: Vec<T>, threads: usize) {
    let per = items.len().div_ceil(threads.max(1)).max(1);
    let mut parts = Vec::with_capacity(threads.max(1));
    let mut rest = items.into_iter();
    loop {
        let part: Vec<T> = rest.by_ref().take(per).collect();
        if part.is_empty() {
            break;
        }
        parts.push(Mutex::new(part));
    }
    map(&parts, threads, |p| {
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

    #[test]
    fn map_keeps_order_and_reuses_pools() {
        let items: Vec<u64> = (0..1000).collect();
        let out = map(&items, 2, |x| x * 2);
        assert_eq!(out, items.iter().map(|x| x * 2).collect::<Vec<_>>());
        let a = pool(2).expect("pool");
        let b = pool(2).expect("pool");
        assert!(Arc::ptr_eq(&a, &b));
        assert!(pool(0).is_none());
    }

    #[test]
    fn map_hands_out_every_item_once() {
        // Items of very different costs: every result comes back once, in order.
        let items: Vec<u64> = (0..500).map(|i| if i % 97 == 0 { 20_000 } else { i }).collect();
        let out = map(&items, 3, |&n| (0..n).fold(n, |a, b| a.wrapping_mul(31).wrapping_add(b)));
        let seq: Vec<u64> = items.iter().map(|&n| (0..n).fold(n, |a, b| a.wrapping_mul(31).wrapping_add(b))).collect();
        assert_eq!(out, seq);
        assert!(map(&Vec::<u64>::new(), 4, |&x| x).is_empty());
    }

    #[test]
    fn drop_all_drops_everything() {
        use std::sync::atomic::AtomicUsize;
        static DROPPED: AtomicUsize = AtomicUsize::new(0);
        struct Counted;
        impl Drop for Counted {
            fn drop(&mut self) {
                DROPPED.fetch_add(1, Ordering::Relaxed);
            }
        }
        drop_all((0..1001).map(|_| Box::new(Counted)).collect(), 2);
        drop_all(Vec::<Box<Counted>>::new(), 2);
        drop_all((0..3).map(|_| Box::new(Counted)).collect(), 1);
        assert_eq!(DROPPED.load(Ordering::Relaxed), 1004);
    }

    #[test]
    fn one_thread_runs_inline() {
        let items = vec![1, 2, 3];
        let id = std::thread::current().id();
        let same: Vec<bool> = map(&items, 1, |_| std::thread::current().id() == id);
        assert!(same.into_iter().all(|x| x));
    }
}
