use kata_assert::{expect, expect_eq};
use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::time::Duration;
use tcp_echo_server::serve;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// Binds a loopback listener on a free port and runs the server on it.
async fn start() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("the test binds a loopback listener");
    let addr = listener.local_addr().expect("the listener has an address");
    tokio::spawn(serve(listener));
    addr
}

/// Awaits `fut` for at most `secs` seconds; a timeout fails the test with `what`.
async fn within<T>(secs: u64, what: &str, fut: impl Future<Output = T>) -> T {
    match tokio::time::timeout(Duration::from_secs(secs), fut).await {
        Ok(value) => value,
        Err(_) => {
            expect!(false, "timed out after {} s: {}", secs, what);
            unreachable!()
        }
    }
}

/// Unwraps an I/O result; an error fails the test with `what`.
fn ok<T>(result: io::Result<T>, what: &str) -> T {
    match result {
        Ok(value) => value,
        Err(e) => {
            expect!(false, "{}: the connection failed with {}", what, e);
            unreachable!()
        }
    }
}

/// `within` plus `ok`: an I/O step that must finish in time and without error.
async fn step<T>(secs: u64, what: &str, fut: impl Future<Output = io::Result<T>>) -> T {
    ok(within(secs, what, fut).await, what)
}

async fn connect(addr: SocketAddr) -> TcpStream {
    step(5, "connecting to the server", TcpStream::connect(addr)).await
}

/// Deterministic pseudo-random bytes (xorshift), different for each seed.
fn payload(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect()
}

/// Sends `data`, half-closes, and reads the whole echo, writing and reading at the same time.
async fn round_trip(addr: SocketAddr, data: Vec<u8>) -> io::Result<Vec<u8>> {
    let stream = TcpStream::connect(addr).await?;
    let (mut reader, mut writer) = stream.into_split();
    let sender = tokio::spawn(async move {
        writer.write_all(&data).await?;
        writer.shutdown().await?;
        Ok::<_, io::Error>(writer)
    });
    let mut echoed = Vec::new();
    reader.read_to_end(&mut echoed).await?;
    let _writer = sender.await.map_err(io::Error::other)??;
    Ok(echoed)
}

fn describe_mismatch(sent: &[u8], got: &[u8]) -> String {
    match sent.iter().zip(got).position(|(a, b)| a != b) {
        Some(i) => format!(
            "sent {} bytes, got {} back; they first differ at byte {}",
            sent.len(),
            got.len(),
            i
        ),
        None if got.len() < sent.len() => format!(
            "sent {} bytes, got only the first {} back",
            sent.len(),
            got.len()
        ),
        None => format!(
            "sent {} bytes, got {} back (extra bytes at the end)",
            sent.len(),
            got.len()
        ),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn echoes_a_small_message() {
    let addr = start().await;
    let mut client = connect(addr).await;
    step(5, "sending hello", client.write_all(b"hello")).await;
    let mut buf = [0u8; 5];
    step(
        5,
        "waiting for the echo of \"hello\" while the connection stays open (echo as bytes arrive)",
        client.read_exact(&mut buf),
    )
    .await;
    expect_eq!(&buf, b"hello", "the echo of hello");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn half_close_gets_the_echo_then_eof() {
    let addr = start().await;
    let mut client = connect(addr).await;
    step(5, "sending ping", client.write_all(b"ping")).await;
    step(5, "half-closing the connection", client.shutdown()).await;
    let mut echoed = Vec::new();
    step(
        5,
        "reading to end-of-file after half-closing (the server must close its side after echoing)",
        client.read_to_end(&mut echoed),
    )
    .await;
    expect_eq!(echoed, b"ping".to_vec(), "the whole echo, then end-of-file");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn immediate_close_gets_immediate_eof() {
    let addr = start().await;
    let mut client = connect(addr).await;
    step(5, "half-closing the connection", client.shutdown()).await;
    let mut echoed = Vec::new();
    step(
        5,
        "reading to end-of-file on a connection that sent nothing",
        client.read_to_end(&mut echoed),
    )
    .await;
    expect_eq!(echoed, Vec::<u8>::new(), "nothing sent, nothing echoed");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn interactive_ping_pong() {
    let addr = start().await;
    let mut client = connect(addr).await;
    for i in 0..200 {
        let msg = format!("order {i} of 200\n");
        step(5, "sending a message", client.write_all(msg.as_bytes())).await;
        let mut buf = vec![0u8; msg.len()];
        step(
            5,
            &format!("waiting for the echo of message {i} before sending the next"),
            client.read_exact(&mut buf),
        )
        .await;
        expect_eq!(
            String::from_utf8_lossy(&buf),
            msg.as_str(),
            "message {} comes back before the next is sent",
            i
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn binary_bytes_are_echoed_unchanged() {
    let addr = start().await;
    let data: Vec<u8> = (0..=255u8).chain((0..=255u8).rev()).collect();
    let echoed = step(
        5,
        "echoing all 256 byte values",
        round_trip(addr, data.clone()),
    )
    .await;
    expect!(
        echoed == data,
        "every byte value, zeros and invalid UTF-8 included, comes back unchanged: {}",
        describe_mismatch(&data, &echoed)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn large_payload_is_echoed_exactly() {
    let addr = start().await;
    let data = payload(8 * 1024 * 1024, 1);
    let echoed = step(
        8,
        "echoing 8 MiB (the client writes and reads at the same time)",
        round_trip(addr, data.clone()),
    )
    .await;
    expect!(
        echoed == data,
        "8 MiB must come back byte for byte: {}",
        describe_mismatch(&data, &echoed)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn partial_writes_are_completed() {
    // The listener's send buffer is tiny, and the connections it accepts inherit it: the
    // server's socket then takes only a few KiB per write call, so an echo written with `write`
    // instead of `write_all` (ignoring how many bytes went out) loses data every time.
    let socket = ok(
        tokio::net::TcpSocket::new_v4(),
        "creating the test's listening socket",
    );
    ok(
        socket.set_send_buffer_size(4 * 1024),
        "shrinking the listener's send buffer",
    );
    ok(
        socket.bind("127.0.0.1:0".parse().expect("a loopback address")),
        "binding the test's listening socket",
    );
    let listener = ok(socket.listen(128), "listening");
    let addr = ok(listener.local_addr(), "the listener's address");
    tokio::spawn(serve(listener));
    let data = payload(256 * 1024, 5);
    let echoed = step(
        8,
        "echoing 256 KiB through a small send buffer",
        round_trip(addr, data.clone()),
    )
    .await;
    expect!(
        echoed == data,
        "256 KiB must come back byte for byte, even when the socket accepts only part of a write: {}",
        describe_mismatch(&data, &echoed)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_small_writes_arrive_in_order() {
    let addr = start().await;
    let stream = connect(addr).await;
    let (mut reader, mut writer) = stream.into_split();
    let data = payload(300_000, 2);
    let chunks = data.clone();
    let sender = tokio::spawn(async move {
        let mut rest = &chunks[..];
        let mut size = 1;
        while !rest.is_empty() {
            let n = size.min(rest.len());
            writer.write_all(&rest[..n]).await?;
            rest = &rest[n..];
            size = size % 97 + 1;
        }
        writer.shutdown().await
    });
    let mut echoed = Vec::new();
    step(
        8,
        "reading the echo of thousands of small writes",
        reader.read_to_end(&mut echoed),
    )
    .await;
    ok(
        sender.await.map_err(io::Error::other).and_then(|r| r),
        "sending thousands of small writes",
    );
    expect!(
        echoed == data,
        "bytes written in thousands of small pieces come back in order: {}",
        describe_mismatch(&data, &echoed)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hundred_clients_at_once() {
    let addr = start().await;
    let clients: Vec<_> = (0..100u64)
        .map(|i| {
            let data = payload(64 * 1024 + i as usize * 7, 100 + i);
            tokio::spawn(async move {
                let echoed = round_trip(addr, data.clone()).await;
                (i, data, echoed)
            })
        })
        .collect();
    let results = within(8, "100 concurrent clients echoing 64 KiB each", async {
        let mut out = Vec::new();
        for c in clients {
            out.push(c.await.expect("a client task ran"));
        }
        out
    })
    .await;
    for (i, data, echoed) in results {
        let echoed = ok(echoed, &format!("client {i} of 100"));
        expect!(
            echoed == data,
            "client {} must get exactly its own bytes back: {}",
            i,
            describe_mismatch(&data, &echoed)
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn silent_client_does_not_block_others() {
    let addr = start().await;
    // This client connects and then does nothing at all.
    let _silent = connect(addr).await;
    tokio::time::sleep(Duration::from_millis(50)).await;
    let echoed = step(
        5,
        "a second client's echo while the first client stays connected and silent",
        round_trip(addr, b"still served".to_vec()),
    )
    .await;
    expect_eq!(
        echoed,
        b"still served".to_vec(),
        "the second client is served"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn client_that_does_not_read_does_not_block_others() {
    let addr = start().await;
    // This client sends a lot and never reads its echo, so its connection stalls.
    let mut greedy = connect(addr).await;
    let data = payload(4 * 1024 * 1024, 3);
    let _stuck = tokio::spawn(async move {
        let _ = greedy.write_all(&data).await;
        greedy
    });
    tokio::time::sleep(Duration::from_millis(100)).await;
    let echoed = step(
        5,
        "another client's echo while one client ignores its echo",
        round_trip(addr, b"hello".to_vec()),
    )
    .await;
    expect_eq!(echoed, b"hello".to_vec(), "the other client is served");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn server_survives_clients_that_reset() {
    let addr = start().await;
    for round in 0..3 {
        let mut rude = connect(addr).await;
        let _ = rude.write_all(&payload(1024 * 1024, 4 + round)).await;
        // Closing with unread data and a zero linger resets the connection.
        let _ = rude.set_zero_linger();
        drop(rude);
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    let echoed = step(
        5,
        "a client's echo after other clients reset their connections",
        round_trip(addr, b"after the resets".to_vec()),
    )
    .await;
    expect_eq!(
        echoed,
        b"after the resets".to_vec(),
        "a reset connection ends only itself; the server keeps serving"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serves_clients_one_after_another() {
    let addr = start().await;
    for i in 0..30u64 {
        let data = payload(1000 + i as usize, 50 + i);
        let echoed = step(
            5,
            &format!("client {i} of 30, one after another"),
            round_trip(addr, data.clone()),
        )
        .await;
        expect!(
            echoed == data,
            "client {}: {}",
            i,
            describe_mismatch(&data, &echoed)
        );
    }
}
