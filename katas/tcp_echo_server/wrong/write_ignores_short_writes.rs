//! Echoes each chunk with `write` instead of `write_all`, ignoring how many bytes were actually
//! written: when the socket's send buffer is nearly full, the rest of the chunk is lost.

use std::io;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

pub async fn serve(listener: TcpListener) -> io::Result<()> {
    loop {
        let (socket, _) = match listener.accept().await {
            Ok(pair) => pair,
            Err(_) => continue,
        };
        tokio::spawn(async move {
            let _ = echo(socket).await;
        });
    }
}

async fn echo(mut socket: TcpStream) -> io::Result<()> {
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = socket.read(&mut buf).await?;
        if n == 0 {
            return socket.shutdown().await;
        }
        let _written = socket.write(&buf[..n]).await?;
    }
}
