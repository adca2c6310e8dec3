//! Reads the whole request until the client half-closes and only then writes it back, so an interactive client waiting for its echo never gets it.

use std::io;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

pub async fn serve(listener: TcpListener) -> io::Result<()> {
    loop {
        let (mut socket, _) = listener.accept().await?;
        tokio::spawn(async move {
            let mut data = Vec::new();
            if socket.read_to_end(&mut data).await.is_ok() {
                let _ = socket.write_all(&data).await;
                let _ = socket.shutdown().await;
            }
        });
    }
}
