//! Thread pools for batch work: one rayon pool per thread count, built once and reused,
//! switchable by environment variables and safe after `fork()`.
//!
//! Work for `n` threads runs on the calling thread (detached from Python) and the `n - 1`
//! workers of a pool, which take the items one at a time ([`copydesk::parallel`]).
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
use std::sync::atomic::{AtomicU32, Ordering};
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

/// The pool of workers beside the calling thread for work on `threads` threads over `n` items:
/// `threads - 1` workers, none for a single item (which builds no pool).
fn helpers(threads: usize, n: usize) -> Option<Arc<ThreadPool>> {
    if n > 1 {
        pool(threads.saturating_sub(1))
    } else {
        None
    }
}

/// Map `f` over `items` on `threads` threads (the calling thread and `threads - 1` workers of
/// the shared pool, taking items one at a time: [`copydesk::parallel::map`]), keeping the order.
pub(crate) fn map<T, R, F>(items: &[T], threads: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send + Sync,
    F: Fn(&T) -> R + Sync + Send,
{
    copydesk::parallel::map(helpers(threads, items.len()).as_deref(), items, f)
}

/// Drop `items` on `threads` threads ([`copydesk::parallel::drop_all`]): for results made by
/// pool workers, which the calling thread alone would free one by one.
pub(crate) fn drop_all<T: Send>(items: Vec<T>, threads: usize) {
    copydesk::parallel::drop_all(helpers(threads, items.len()).as_deref(), items)
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
    fn one_thread_runs_inline() {
        let items = vec![1, 2, 3];
        let id = std::thread::current().id();
        let same: Vec<bool> = map(&items, 1, |_| std::thread::current().id() == id);
        assert!(same.into_iter().all(|x| x));
    }
}
