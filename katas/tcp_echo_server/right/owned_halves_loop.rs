//! Splits each connection into owned halves and runs a read / `write_all` loop with an 8 KiB
//! buffer; at end-of-file it shuts the writing half down. Accept errors are skipped.

use std::io;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::tcp::{OwnedReadHalf, OwnedWriteHalf};
use tokio::net::TcpListener;

pub async fn serve(listener: TcpListener) -> io::Result<()> {
    loop {
        if let Ok((socket, _)) = listener.accept().await {
            let (reader, writer) = socket.into_split();
            tokio::spawn(echo(reader, writer));
        }
    }
}

async fn echo(mut reader: OwnedReadHalf, mut writer: OwnedWriteHalf) {
    let mut buf = [0u8; 8 * 1024];
    loop {
        let n = match reader.read(&mut buf).await {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        if writer.write_all(&buf[..n]).await.is_err() {
            return;
        }
    }
    let _ = writer.shutdown().await;
}
