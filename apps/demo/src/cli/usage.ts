export const USAGE = `Usage: roomcast <command> [options]

Commands:
  send <channel>     Send one message through a channel (alias:kind), e.g. zego:signal
  channels           List the channels and their capabilities
  emulator           Start the vendor emulator alone and print its URLs and credentials

Send options:
  --room <id>        Room id (default live-1)
  --from <id>        Sender user id (default server)
  --to <ids>         Recipients, comma-separated
  --to-file <path>   Recipients, one id per line (blank lines and # comments skipped)
  --text <text>      Text payload
  --data <data>      Data payload (signals)
  --type <type>      Message type (Tencent BusinessId; ZIM custom type)
  --offline <ids>    On the emulator: recipients to leave offline (to see a partial result)
  --base-url <url>   Send the channel's vendor requests to this origin instead
  --json             Print the SendResult (or the error) as JSON

Emulator options:
  --port <port>      Port (default 4510)    --host <host>  Interface (default 127.0.0.1)

By default send starts an embedded emulator and joins the recipients so the send succeeds. With
vendor credentials in the environment (ZEGO_APP_ID + ZEGO_SERVER_SECRET, ZIM_APP_ID +
ZIM_SERVER_SECRET, TRTC_SDK_APP_ID + TRTC_SECRET_KEY) that vendor is the real one.

Exit status: 0 all accepted, 3 partly accepted, 1 nothing accepted or an error, 2 bad usage.`;

/** A usage mistake: printed with a hint, exit status 2. */
export class UsageError extends Error {}

export const EXIT = { ok: 0, failed: 1, usage: 2, partial: 3 } as const;
