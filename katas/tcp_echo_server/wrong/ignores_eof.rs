//! Treats a zero-byte read as "nothing yet" and keeps reading, so after the client half-closes the connection is never closed.

use std::io;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

pub async fn serve(listener: TcpListener) -> io::Result<()> {
    loop {
        let (mut socket, _) = listener.accept().await?;
        tokio::spawn(async move {
            let mut buf = [0u8; 8192];
            loop {
                match socket.read(&mut buf).await {
                    Ok(0) => tokio::task::yield_now().await,
                    Ok(n) => {
                        if socket.write_all(&buf[..n]).await.is_err() {
                            return;
                        }
                    }
                    Err(_) => return,
                }
            }
        });
    }
}
