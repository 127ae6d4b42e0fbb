// Render progress for people: a one-line bar redrawn in place on a terminal, plain lines otherwise (CI logs).
import type { RenderEvent } from "./render.js";

export interface ProgressReporter {
  event(event: RenderEvent): void;
  /** Ends the bar's line (safe to call twice). */
  done(): void;
}

const WIDTH = 24;

/** A reporter writing to `out`; draws a bar only when `out` is a TTY. */
export function progressReporter(out: NodeJS.WriteStream | NodeJS.WritableStream & { isTTY?: boolean; columns?: number }): ProgressReporter {
  const tty = Boolean(out.isTTY);
  let open = false;
  const draw = (done: number, total: number, label: string) => {
    const filled = total === 0 ? WIDTH : Math.round((done / total) * WIDTH);
    const line = `[${"#".repeat(filled)}${".".repeat(WIDTH - filled)}] ${done}/${total} ${label}`;
    const columns = "columns" in out && out.columns ? out.columns : 100;
    out.write(`\r${line.slice(0, columns - 1).padEnd(Math.min(columns - 1, 80))}`);
    open = true;
  };
  const line = (text: string) => {
    if (open) out.write("\n");
    open = false;
    out.write(`${text}\n`);
  };
  return {
    event(event) {
      if (event.type === "planned") {
        line(`${event.jobs} track(s) to encode, ${event.unchanged} unchanged; ${event.texts} phrase(s) needed`);
      } else if (event.type === "clip") {
        if (tty) draw(event.done, event.total, "phrases ready");
        else if (event.done === event.total) line(`phrases ready: ${event.total}`);
      } else if (event.type === "track-start") {
        if (tty) draw(event.done, event.total, `encoding ${event.profile} ${event.id}…`);
      } else if (event.type === "track") {
        const label = `${event.profile} ${event.id} (${Math.round(event.durationMs / 1000)} s${event.encodes > 1 ? `, ${event.encodes} encodes` : ""})`;
        if (tty) draw(event.done, event.total, label);
        else line(`[${event.done}/${event.total}] ${label}`);
      } else if (event.type === "lock") {
        line(event.state === "waiting"
          ? `waiting for another render (pid ${event.pid}) to finish with ${event.dir}…`
          : `took over the render lock of ${event.dir} from pid ${event.pid}, which is no longer running`);
      } else {
        line(`page, feed, manifests: ${event.changed} of ${event.files} file(s) written`);
      }
    },
    done() {
      if (open) out.write("\n");
      open = false;
    },
  };
}
