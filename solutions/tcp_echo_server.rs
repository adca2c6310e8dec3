//! Reference solution: one task per connection, each copying the client's bytes back until the
//! client half-closes, then closing its own side.

use std::io;
use tokio::io::AsyncWriteExt;
use tokio::net::{TcpListener, TcpStream};

/// Accepts connections on `listener` forever and echoes each one on its own task.
pub async fn serve(listener: TcpListener) -> io::Result<()> {
    loop {
        let socket = match listener.accept().await {
            Ok((socket, _peer)) => socket,
            // A failed accept (a client that reset before we got to it, or running out of file
            // descriptors for a moment) concerns one connection, not the server.
            Err(_) => continue,
        };
        tokio::spawn(async move {
            // An error only ends this connection (e.g. the client reset it).
            let _ = echo(socket).await;
        });
    }
}

/// Echoes everything the client sends, as it arrives, then closes our side after its EOF.
async fn echo(mut socket: TcpStream) -> io::Result<()> {
    let (mut reader, mut writer) = socket.split();
    // `copy` writes each chunk back as soon as it is read and returns at the client's EOF.
    tokio::io::copy(&mut reader, &mut writer).await?;
    // Half-close our side: the client's read sees EOF after the last echoed byte.
    writer.shutdown().await
}
