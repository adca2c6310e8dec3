//! Tokio TCP echo server: see the task statement (`kata hint tcp_echo_server` when stuck).

use std::io;
use tokio::net::TcpListener;

/// Accepts connections on `listener` forever and echoes each one concurrently.
pub async fn serve(listener: TcpListener) -> io::Result<()> {
    let _ = listener;
    todo!("accept connections and echo each one on its own task")
}
