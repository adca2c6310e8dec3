//! Writes back the whole 1 KiB buffer after every read instead of only the `n` bytes just read, mangling the echo.

use std::io;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

pub async fn serve(listener: TcpListener) -> io::Result<()> {
    loop {
        let (mut socket, _) = listener.accept().await?;
        tokio::spawn(async move {
            let mut buf = [0u8; 1024];
            loop {
                let n = match socket.read(&mut buf).await {
                    Ok(0) | Err(_) => break,
                    Ok(n) => n,
                };
                let _ = n;
                if socket.write_all(&buf).await.is_err() {
                    break;
                }
            }
        });
    }
}
