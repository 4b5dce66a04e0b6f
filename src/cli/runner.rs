//! The one runner for every input, whole files and chunks of large ones alike: a
//! producer reads the inputs piece by piece (see [`Pieces`]), `jobs` workers process the
//! pieces, and the results are delivered in input order on the calling thread. At most
//! `2 × jobs` pieces are in flight, so memory stays bounded whatever the inputs' sizes.

use crate::cli::input::{Cutting, FileError, Input, Piece, Pieces, Stamp};
use crate::cli::interrupt::Interrupt;
use glossfix_report::Offset;
use glossfix_text::lines::count_line_breaks;
use std::collections::BTreeMap;
use std::io;
use std::sync::mpsc::{Receiver, channel, sync_channel};
use std::sync::{Arc, Mutex};

/// Where a piece of text belongs.
#[derive(Debug, Clone)]
pub struct Unit {
    /// Index of its input.
    pub input: usize,
    /// 0 for the first piece of the input.
    pub part: usize,
    /// True for the last piece of the input (a whole input is one piece).
    pub last: bool,
    /// Where it starts in the input.
    pub offset: Offset,
    /// The input's stamp before it was read (files only).
    pub stamp: Option<Stamp>,
}

/// Runs `work` over every piece of every input, on `jobs` threads, and calls `deliver`
/// with each result in input order. An input that cannot be read is delivered as an
/// error (and ends there). On an interrupt, no new piece is started; the pieces in
/// flight are finished and delivered. An error from `deliver` (a closed pipe) stops the
/// run and is returned.
pub fn run<R: Send>(
    inputs: &[Input],
    cutting: Cutting,
    jobs: usize,
    interrupt: &Interrupt,
    work: impl Fn(&Unit, &str) -> R + Sync,
    mut deliver: impl FnMut(&Unit, Result<R, FileError>) -> io::Result<()>,
) -> io::Result<()> {
    ordered(
        jobs,
        interrupt,
        |send| produce(inputs, cutting, send),
        |(unit, text): (Unit, Result<String, FileError>)| {
            let result = text.map(|text| work(&unit, &text));
            (unit, result)
        },
        |(unit, result)| deliver(&unit, result),
    )
}

/// The ordered parallel map under every runner: `produce` hands items to `send` (which
/// says `false` when the run stops: an interrupt, or a failed delivery), `jobs` threads
/// run `work` on them, and `deliver` gets the results in the order produced. At most
/// `2 × jobs` items are in flight, so memory stays bounded whatever the input.
pub fn ordered<T: Send, R: Send>(
    jobs: usize,
    interrupt: &Interrupt,
    produce: impl FnOnce(&mut dyn FnMut(T) -> bool) + Send,
    work: impl Fn(T) -> R + Sync,
    mut deliver: impl FnMut(R) -> io::Result<()>,
) -> io::Result<()> {
    let jobs = jobs.max(1);
    let window = 2 * jobs;
    let (job_tx, job_rx) = sync_channel::<(usize, T)>(jobs);
    let job_rx = Arc::new(Mutex::new(job_rx));
    let (result_tx, result_rx) = channel::<(usize, R)>();
    // One slot per item in flight: the producer takes one before making an item, the
    // deliverer frees one after delivering it.
    let (slot_tx, slot_rx) = sync_channel::<()>(window);
    let stop = Interrupt::default();
    std::thread::scope(|scope| {
        {
            let stop = stop.clone();
            scope.spawn(move || {
                let mut seq = 0;
                let mut send = |item: T| -> bool {
                    if interrupt.requested() || stop.requested() || slot_tx.send(()).is_err() {
                        return false;
                    }
                    let ok = job_tx.send((seq, item)).is_ok();
                    seq += 1;
                    ok
                };
                produce(&mut send);
            });
        }
        for _ in 0..jobs {
            let (job_rx, result_tx, work) = (job_rx.clone(), result_tx.clone(), &work);
            scope.spawn(move || {
                loop {
                    let job = job_rx.lock().expect("a worker panicked").recv();
                    let Ok((seq, item)) = job else { break };
                    if result_tx.send((seq, work(item))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(result_tx);
        deliver_in_order(result_rx, &slot_rx, &stop, &mut deliver)
    })
}

/// Reads every input into pieces and sends them to the workers, one piece ahead so the
/// last piece of each input is known.
fn produce(inputs: &[Input], cutting: Cutting, send: &mut dyn FnMut((Unit, Result<String, FileError>)) -> bool) {
    let mut send = |unit: Unit, text: Result<String, FileError>| send((unit, text));
    for (index, input) in inputs.iter().enumerate() {
        let stamp = match input {
            Input::File(path) => Stamp::of(path).ok(),
            Input::Stdin => None,
        };
        let mut unit = Unit { input: index, part: 0, last: true, offset: Offset::default(), stamp };
        let mut pieces = match Pieces::open(input, cutting) {
            Ok(pieces) => pieces,
            Err(e) => {
                if !send(unit, Err(e)) {
                    return;
                }
                continue;
            }
        };
        let mut ahead: Option<Result<Piece, FileError>> = pieces.next_piece();
        if ahead.is_none() {
            // An empty input is one empty piece.
            ahead = Some(Ok(Piece { offset: 0, text: String::new() }));
        }
        while let Some(current) = ahead.take() {
            let failed = current.is_err();
            ahead = if failed { None } else { pieces.next_piece() };
            unit.last = ahead.is_none();
            let (text, lines, columns) = match current {
                Ok(piece) => {
                    unit.offset.bytes = piece.offset as usize;
                    let lines = count_line_breaks(&piece.text);
                    // Where the next piece starts on its line: 0 after a line break,
                    // further along when a long line was cut inside.
                    let columns = match piece.text.rfind(['\n', '\r']) {
                        Some(at) => piece.text[at + 1..].chars().count(),
                        None => unit.offset.columns + piece.text.chars().count(),
                    };
                    (Ok(piece.text), lines, columns)
                }
                Err(e) => (Err(e), 0, 0),
            };
            if !send(unit.clone(), text) {
                return;
            }
            unit.part += 1;
            unit.offset.lines += lines;
            unit.offset.columns = columns;
        }
    }
}

/// Delivers results in sequence order, freeing a slot for each.
fn deliver_in_order<R>(
    results: Receiver<(usize, R)>,
    slots: &Receiver<()>,
    stop: &Interrupt,
    deliver: &mut impl FnMut(R) -> io::Result<()>,
) -> io::Result<()> {
    let mut pending: BTreeMap<usize, R> = BTreeMap::new();
    let mut next = 0;
    let mut failure: Option<io::Error> = None;
    for (seq, result) in results {
        pending.insert(seq, result);
        while let Some(result) = pending.remove(&next) {
            if failure.is_none() {
                if let Err(e) = deliver(result) {
                    failure = Some(e);
                    stop.request();
                }
            }
            next += 1;
            let _ = slots.try_recv();
        }
    }
    failure.map_or(Ok(()), Err)
}
