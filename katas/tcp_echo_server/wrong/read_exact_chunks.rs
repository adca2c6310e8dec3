//! Reads with `read_exact` into a 1 KiB buffer, so nothing is echoed until a full KiB has
//! arrived: a short message waits forever, and the last partial chunk before EOF is lost.

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
    let mut buf = [0u8; 1024];
    loop {
        match socket.read_exact(&mut buf).await {
            Ok(_) => socket.write_all(&buf).await?,
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => {
                return socket.shutdown().await;
            }
            Err(e) => return Err(e),
        }
    }
}
