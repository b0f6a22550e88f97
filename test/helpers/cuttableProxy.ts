import net from 'node:net'

export interface CuttableProxy {
  port: number
  /**
   * From now on, a connection is cut the moment its client sends anything: a pooled connection
   * that sits idle notices nothing until it is checked out and its first query fails, which
   * is how a connection killed while PostgreSQL shuts down looks to the request that holds it.
   */
  cutOnNextWrite: () => void
  /** Connections are forwarded untouched again. */
  heal: () => void
  close: () => Promise<void>
}

/** A TCP forwarder on 127.0.0.1 to `target`, whose connections the test can cut. */
export async function startCuttableProxy(target: { host: string; port: number }): Promise<CuttableProxy> {
  let cutting = false
  const sockets = new Set<net.Socket>()
  const server = net.createServer((client) => {
    const upstream = net.connect(target)
    sockets.add(client).add(upstream)
    const closeBoth = () => {
      client.destroy()
      upstream.destroy()
      sockets.delete(client)
      sockets.delete(upstream)
    }
    client.on('data', (chunk) => {
      if (cutting) closeBoth()
      else upstream.write(chunk)
    })
    upstream.on('data', (chunk) => client.write(chunk))
    client.on('close', closeBoth).on('error', closeBoth)
    upstream.on('close', closeBoth).on('error', closeBoth)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
    cutOnNextWrite: () => {
      cutting = true
    },
    heal: () => {
      cutting = false
    },
    port: (server.address() as net.AddressInfo).port,
  }
}
