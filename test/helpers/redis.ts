import { createClient } from 'redis'

/** Whether a Redis server answers PING at `url` (tests that need one skip with a message otherwise). */
export async function redisReachable(url: string): Promise<boolean> {
  const client = createClient({ socket: { connectTimeout: 1_500, reconnectStrategy: false }, url })
  client.on('error', () => undefined)
  try {
    await client.connect()
    return (await client.ping()) === 'PONG'
  } catch {
    return false
  } finally {
    if (client.isOpen) await client.close().catch(() => client.destroy())
  }
}
