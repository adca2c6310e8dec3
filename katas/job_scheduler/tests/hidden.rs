use job_scheduler::Scheduler;
use kata_assert::{expect, expect_eq};

#[test]
fn ids_count_up_from_1() {
    let mut s = Scheduler::new(3, 10);
    expect_eq!(s.submit(1, 0), 1, "the first job gets id 1");
    expect_eq!(s.submit(5, 100), 2, "the second job gets id 2");
    expect_eq!(s.submit(0, 0), 3, "the third job gets id 3");
}

#[test]
fn zero_max_attempts_panics() {
    let result = std::panic::catch_unwind(|| Scheduler::new(0, 10));
    expect!(
        result.is_err(),
        "Scheduler::new(0, _) must panic: a job needs at least one attempt"
    );
}

#[test]
fn an_empty_scheduler_has_nothing_to_run() {
    let mut s = Scheduler::new(3, 10);
    expect_eq!(s.next_job(0), None, "no jobs: next_job gives None");
    expect_eq!(s.pending(), 0, "no jobs are pending");
    expect_eq!(s.dead_letters(), &[][..], "no dead letters yet");
}

#[test]
fn a_job_due_now_runs() {
    let mut s = Scheduler::new(3, 10);
    let id = s.submit(1, 5);
    expect_eq!(s.next_job(5), Some(id), "a job due at 5 runs at 5");
}

#[test]
fn a_delayed_job_never_runs_early() {
    let mut s = Scheduler::new(3, 10);
    let id = s.submit(1, 100);
    expect_eq!(s.next_job(0), None, "due at 100: not at 0");
    expect_eq!(s.next_job(99), None, "due at 100: not at 99");
    expect_eq!(s.next_job(100), Some(id), "due at 100: runs at 100");
}

#[test]
fn a_job_past_its_due_time_runs() {
    let mut s = Scheduler::new(3, 10);
    let id = s.submit(1, 10);
    expect_eq!(
        s.next_job(1_000),
        Some(id),
        "a job due at 10 runs at any later time"
    );
}

#[test]
fn higher_priority_runs_first() {
    let mut s = Scheduler::new(3, 10);
    let low = s.submit(1, 0);
    let high = s.submit(9, 0);
    let mid = s.submit(5, 0);
    expect_eq!(s.next_job(0), Some(high), "priority 9 first");
    expect_eq!(s.next_job(0), Some(mid), "then priority 5");
    expect_eq!(s.next_job(0), Some(low), "then priority 1");
    expect_eq!(s.next_job(0), None, "all three are running");
}

#[test]
fn a_due_low_priority_job_beats_an_urgent_job_that_is_not_due() {
    let mut s = Scheduler::new(3, 10);
    let urgent = s.submit(100, 50);
    let low = s.submit(1, 0);
    expect_eq!(
        s.next_job(10),
        Some(low),
        "at 10 only the low-priority job is due"
    );
    expect_eq!(
        s.next_job(49),
        None,
        "the urgent job is still not due at 49"
    );
    expect_eq!(s.next_job(50), Some(urgent), "the urgent job runs once due");
}

#[test]
fn equal_priority_runs_the_earliest_due_first() {
    let mut s = Scheduler::new(3, 10);
    let later = s.submit(5, 30);
    let earlier = s.submit(5, 20);
    expect_eq!(
        s.next_job(100),
        Some(earlier),
        "same priority: due at 20 before due at 30"
    );
    expect_eq!(s.next_job(100), Some(later), "then the job due at 30");
}

#[test]
fn equal_priority_and_due_time_runs_the_smallest_id_first() {
    let mut s = Scheduler::new(3, 10);
    let ids: Vec<u64> = (0..5).map(|_| s.submit(5, 7)).collect();
    let order: Vec<u64> = (0..5).filter_map(|_| s.next_job(7)).collect();
    expect_eq!(
        order,
        ids,
        "same priority and due time: first submitted, first run"
    );
}

#[test]
fn a_running_job_is_not_handed_out_twice() {
    let mut s = Scheduler::new(3, 10);
    let id = s.submit(1, 0);
    expect_eq!(s.next_job(0), Some(id), "the job runs");
    expect_eq!(
        s.next_job(0),
        None,
        "it is running, so it is not handed out again"
    );
    expect_eq!(s.next_job(1_000_000), None, "not even much later");
}

#[test]
fn complete_finishes_a_running_job_once() {
    let mut s = Scheduler::new(3, 10);
    let id = s.submit(1, 0);
    s.next_job(0);
    expect!(s.complete(id), "completing a running job returns true");
    expect!(!s.complete(id), "completing it again returns false");
    expect!(!s.fail(id, 0), "a completed job cannot fail");
    expect_eq!(s.next_job(1_000), None, "a completed job never runs again");
    expect_eq!(s.pending(), 0, "nothing is pending");
}

#[test]
fn only_running_jobs_can_complete_or_fail() {
    let mut s = Scheduler::new(3, 10);
    let waiting = s.submit(1, 100);
    expect!(
        !s.complete(waiting),
        "a job that has not been handed out cannot complete"
    );
    expect!(
        !s.fail(waiting, 0),
        "a job that has not been handed out cannot fail"
    );
    expect!(!s.complete(42), "an unknown id cannot complete");
    expect!(!s.fail(42, 0), "an unknown id cannot fail");
    expect_eq!(
        s.next_job(100),
        Some(waiting),
        "the waiting job is unaffected"
    );
}

#[test]
fn a_failed_job_is_retried_after_the_base_backoff() {
    let mut s = Scheduler::new(5, 10);
    let id = s.submit(1, 0);
    s.next_job(0);
    expect!(s.fail(id, 3), "failing a running job returns true");
    expect_eq!(
        s.next_job(12),
        None,
        "failed at 3 with backoff 10: not due before 13"
    );
    expect_eq!(s.next_job(13), Some(id), "due again at 3 + 10");
}

#[test]
fn backoff_doubles_with_each_failure() {
    let mut s = Scheduler::new(10, 10);
    let id = s.submit(1, 0);
    let mut now = 0;
    for (attempt, delay) in [10u64, 20, 40, 80, 160].into_iter().enumerate() {
        expect_eq!(
            s.next_job(now),
            Some(id),
            "attempt {} runs at {}",
            attempt + 1,
            now
        );
        s.fail(id, now);
        expect_eq!(
            s.next_job(now + delay - 1),
            None,
            "after failure {} the wait is {}: not due at {}",
            attempt + 1,
            delay,
            now + delay - 1
        );
        now += delay;
    }
    expect_eq!(
        s.next_job(now),
        Some(id),
        "after waits of 10, 20, 40, 80 and 160 the job runs at {}",
        now
    );
}

#[test]
fn backoff_counts_from_the_failure_time() {
    let mut s = Scheduler::new(3, 10);
    let id = s.submit(1, 0);
    s.next_job(500);
    s.fail(id, 700);
    expect_eq!(
        s.next_job(709),
        None,
        "failed at 700: the retry waits until 710, not 0 + 10"
    );
    expect_eq!(s.next_job(710), Some(id), "due again at 700 + 10");
}

#[test]
fn a_retried_job_keeps_its_priority() {
    let mut s = Scheduler::new(3, 10);
    let important = s.submit(9, 0);
    s.next_job(0);
    s.fail(important, 0);
    let minor = s.submit(1, 0);
    expect_eq!(
        s.next_job(10),
        Some(important),
        "at 10 both are due: priority 9 still goes first"
    );
    expect_eq!(s.next_job(10), Some(minor), "then the minor job");
}

#[test]
fn a_retry_due_later_waits_behind_an_earlier_job_of_equal_priority() {
    let mut s = Scheduler::new(3, 10);
    let first = s.submit(5, 0);
    s.next_job(0);
    s.fail(first, 0); // due again at 10
    let second = s.submit(5, 5);
    expect_eq!(
        s.next_job(20),
        Some(second),
        "equal priority: job 2 has been due since 5, job 1 only since 10"
    );
    expect_eq!(s.next_job(20), Some(first), "then the retried job");
}

#[test]
fn a_job_dies_after_max_attempts() {
    let mut s = Scheduler::new(3, 1);
    let id = s.submit(1, 0);
    let mut now = 0;
    for attempt in 1..=3 {
        expect_eq!(s.next_job(now), Some(id), "attempt {} of 3 runs", attempt);
        expect!(s.fail(id, now), "attempt {} fails", attempt);
        now += 1000;
    }
    expect_eq!(
        s.dead_letters(),
        &[id][..],
        "after 3 failed attempts the job is a dead letter"
    );
    expect_eq!(s.next_job(u64::MAX), None, "a dead job is never retried");
    expect_eq!(s.pending(), 0, "a dead job is not pending");
}

#[test]
fn a_job_is_not_dead_before_its_last_attempt() {
    let mut s = Scheduler::new(3, 1);
    let id = s.submit(1, 0);
    s.next_job(0);
    s.fail(id, 0);
    s.next_job(100);
    s.fail(id, 100);
    expect_eq!(
        s.dead_letters(),
        &[][..],
        "two failures of three allowed attempts: not dead yet"
    );
    expect_eq!(s.next_job(1_000), Some(id), "the third attempt runs");
    expect!(s.complete(id), "and may still succeed");
    expect_eq!(
        s.dead_letters(),
        &[][..],
        "a job that finally succeeds is not a dead letter"
    );
}

#[test]
fn one_attempt_means_the_first_failure_is_fatal() {
    let mut s = Scheduler::new(1, 10);
    let id = s.submit(1, 0);
    s.next_job(0);
    s.fail(id, 0);
    expect_eq!(
        s.dead_letters(),
        &[id][..],
        "max_attempts 1: no retry at all"
    );
    expect_eq!(s.next_job(1_000_000), None, "and the job never runs again");
}

#[test]
fn a_dead_job_cannot_fail_or_complete_again() {
    let mut s = Scheduler::new(1, 10);
    let id = s.submit(1, 0);
    s.next_job(0);
    s.fail(id, 0);
    expect!(
        !s.fail(id, 0),
        "a dead job is not running: fail returns false"
    );
    expect!(
        !s.complete(id),
        "a dead job is not running: complete returns false"
    );
    expect_eq!(s.dead_letters(), &[id][..], "it is listed once");
}

#[test]
fn dead_letters_keep_the_order_jobs_died_in() {
    let mut s = Scheduler::new(1, 10);
    let a = s.submit(1, 0);
    let b = s.submit(9, 0);
    let c = s.submit(5, 0);
    s.next_job(0); // b
    s.next_job(0); // c
    s.next_job(0); // a
    s.fail(c, 0);
    s.fail(a, 0);
    s.fail(b, 0);
    expect_eq!(
        s.dead_letters(),
        &[c, a, b][..],
        "dead letters are listed in the order they died"
    );
}

#[test]
fn pending_counts_waiting_jobs_only() {
    let mut s = Scheduler::new(3, 10);
    let a = s.submit(1, 0);
    s.submit(1, 0);
    s.submit(1, 500);
    expect_eq!(s.pending(), 3, "three waiting jobs, due or not");
    s.next_job(0);
    expect_eq!(s.pending(), 2, "a running job is not pending");
    s.fail(a, 0);
    expect_eq!(
        s.pending(),
        3,
        "a job waiting for its retry is pending again"
    );
}

#[test]
fn huge_backoff_saturates_instead_of_overflowing() {
    let mut s = Scheduler::new(200, 1 << 40);
    let id = s.submit(1, 0);
    let mut now = 0u64;
    for attempt in 1..=200u32 {
        let got = s.next_job(now);
        expect_eq!(got, Some(id), "attempt {} runs once due", attempt);
        s.fail(id, now);
        if attempt < 200 {
            // The k-th wait is 2^40 × 2^(k-1) = 2^(39+k): from k = 25 on it exceeds u64::MAX.
            let expected_due = if attempt <= 24 {
                now + (1u64 << (40 + attempt - 1))
            } else {
                u64::MAX
            };
            expect_eq!(
                s.next_job(expected_due - 1),
                None,
                "after failure {} the retry is due at {}, not earlier",
                attempt,
                expected_due
            );
            now = expected_due;
        }
    }
    expect_eq!(
        s.dead_letters(),
        &[id][..],
        "after 200 attempts the job is dead"
    );
}

#[test]
fn zero_backoff_retries_at_once_however_many_attempts() {
    // base_backoff 0: every wait is 0 × 2^(k-1) = 0, also past the 64th attempt, where 2^(k-1)
    // no longer fits in a u64.
    let mut s = Scheduler::new(100, 0);
    let id = s.submit(1, 5);
    for attempt in 1..=100u32 {
        expect_eq!(
            s.next_job(5),
            Some(id),
            "with base_backoff 0 a failed job is due again at once: attempt {} runs at 5",
            attempt
        );
        s.fail(id, 5);
    }
    expect_eq!(
        s.dead_letters(),
        &[id][..],
        "after 100 attempts the job is dead"
    );
}
