//! Writes through a BufWriter and never flushes it, so echoes sit in the buffer and the tail is lost when the connection is dropped.

use std::io;
use tokio::io::{AsyncReadExt, AsyncWriteExt, BufWriter};
use tokio::net::TcpListener;

pub async fn serve(listener: TcpListener) -> io::Result<()> {
    loop {
        let (socket, _) = listener.accept().await?;
        tokio::spawn(async move {
            let (mut reader, writer) = socket.into_split();
            let mut writer = BufWriter::new(writer);
            let mut buf = [0u8; 4096];
            loop {
                let n = match reader.read(&mut buf).await {
                    Ok(0) | Err(_) => break,
                    Ok(n) => n,
                };
                if writer.write_all(&buf[..n]).await.is_err() {
                    break;
                }
            }
        });
    }
}
