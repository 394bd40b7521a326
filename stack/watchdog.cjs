// Runs a server and stops it when this process's stdin closes. The stack holds the other end of
// that pipe, so even if the stack dies without cleaning up (SIGKILL, a crash), the kernel closes the
// pipe and its Postgres and PostgREST do not outlive it. Plain CommonJS: it runs under bare node.
const { spawn } = require('node:child_process')

const [command, ...args] = process.argv.slice(2)
const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] })
let stopping = false
const stop = (signal) => {
  if (stopping) return
  stopping = true
  child.kill(signal)
}

// SIGINT is Postgres's fast shutdown and stops PostgREST too.
process.stdin.on('end', () => stop('SIGINT'))
process.stdin.on('error', () => stop('SIGINT'))
process.stdin.resume()
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => stop(signal))

child.on('error', (error) => {
  process.stderr.write(`${command}: ${error.message}\n`)
  process.exit(127)
})
// Exit as the server did, so the stack can say "killed by SIGKILL" rather than a made-up code.
child.on('exit', (code, signal) => {
  if (signal) {
    process.removeAllListeners(signal)
    process.kill(process.pid, signal)
  }
  process.exit(code ?? 1)
})
