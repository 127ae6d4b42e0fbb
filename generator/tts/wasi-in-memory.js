/* global WebAssembly, Buffer, TextEncoder, TextDecoder */
// Runs a WASI command (preview1) with everything in memory: arguments in, stdout, stderr and the files it
// writes out. Why not node:wasi: it opens a real folder for every run and never closes that descriptor
// (one leaked fd per phrase), wants files on disk, and prints an "experimental" warning. The commands run
// here (Flite) only parse arguments, write files and print, so these thirteen calls are all they import.
// Plain JavaScript so worker threads load it the same under tsx, vitest and node.

const ERRNO = { SUCCESS: 0, BADF: 8, INVAL: 28, NOENT: 44, SPIPE: 70 };
const FILETYPE = { CHARACTER_DEVICE: 2, DIRECTORY: 3, REGULAR_FILE: 4 };
const OFLAGS_CREAT = 1;
const PREOPEN_FD = 3;

class Exit {
  constructor(code) {
    this.code = code;
  }
}

/**
 * Instantiates `module` (a compiled WASI command), runs it with `args` and returns its exit code, what it
 * printed and the files it wrote (path → bytes). The folder "." is the only one it sees, and it starts empty.
 */
export function runWasiCommand(module, args) {
  const encoder = new TextEncoder();
  const argv = args.map((a) => encoder.encode(`${a}\0`));
  const printed = { 1: [], 2: [] };
  const files = new Map(); // path → { chunks: Uint8Array (grown as written), size }
  const open = new Map(); // fd → { path, position }
  let nextFd = PREOPEN_FD + 1;
  let memory;
  const view = () => new DataView(memory.buffer);
  const bytes = (ptr, len) => new Uint8Array(memory.buffer, ptr, len);

  function writeFile(entry, data) {
    const file = files.get(entry.path);
    const end = entry.position + data.length;
    if (end > file.data.length) {
      const grown = new Uint8Array(Math.max(end, file.data.length * 2, 65536));
      grown.set(file.data.subarray(0, file.size));
      file.data = grown;
    }
    file.data.set(data, entry.position);
    entry.position = end;
    file.size = Math.max(file.size, end);
  }

  const imports = {
    args_sizes_get(countPtr, sizePtr) {
      view().setUint32(countPtr, argv.length, true);
      view().setUint32(sizePtr, argv.reduce((n, a) => n + a.length, 0), true);
      return ERRNO.SUCCESS;
    },
    args_get(argvPtr, bufPtr) {
      for (const [i, arg] of argv.entries()) {
        view().setUint32(argvPtr + i * 4, bufPtr, true);
        bytes(bufPtr, arg.length).set(arg);
        bufPtr += arg.length;
      }
      return ERRNO.SUCCESS;
    },
    clock_time_get(_id, _precision, timePtr) {
      view().setBigUint64(timePtr, process.hrtime.bigint(), true);
      return ERRNO.SUCCESS;
    },
    fd_close(fd) {
      return open.delete(fd) || fd <= PREOPEN_FD ? ERRNO.SUCCESS : ERRNO.BADF;
    },
    fd_fdstat_get(fd, statPtr) {
      const type = fd <= 2 ? FILETYPE.CHARACTER_DEVICE : fd === PREOPEN_FD ? FILETYPE.DIRECTORY : open.has(fd) ? FILETYPE.REGULAR_FILE : 0;
      if (!type) return ERRNO.BADF;
      bytes(statPtr, 24).fill(0);
      view().setUint8(statPtr, type);
      view().setBigUint64(statPtr + 8, 0xffffffffffffffffn, true); // every right
      view().setBigUint64(statPtr + 16, 0xffffffffffffffffn, true);
      return ERRNO.SUCCESS;
    },
    fd_fdstat_set_flags: () => ERRNO.SUCCESS,
    fd_prestat_get(fd, prestatPtr) {
      if (fd !== PREOPEN_FD) return ERRNO.BADF;
      view().setUint8(prestatPtr, 0); // a directory
      view().setUint32(prestatPtr + 4, 1, true);
      return ERRNO.SUCCESS;
    },
    fd_prestat_dir_name(fd, pathPtr, len) {
      if (fd !== PREOPEN_FD || len < 1) return ERRNO.BADF;
      bytes(pathPtr, 1).set([0x2e]); // "."
      return ERRNO.SUCCESS;
    },
    fd_read(fd, _iovs, _iovsLen, readPtr) {
      // Nothing to read: stdin is empty and the command is given no input files.
      if (fd !== 0 && !open.has(fd)) return ERRNO.BADF;
      view().setUint32(readPtr, 0, true);
      return ERRNO.SUCCESS;
    },
    fd_seek(fd, offset, whence, newOffsetPtr) {
      const entry = open.get(fd);
      if (!entry) return fd <= 2 ? ERRNO.SPIPE : ERRNO.BADF;
      const base = whence === 0 ? 0 : whence === 1 ? entry.position : files.get(entry.path).size;
      const position = base + Number(offset);
      if (position < 0) return ERRNO.INVAL;
      entry.position = position;
      view().setBigUint64(newOffsetPtr, BigInt(position), true);
      return ERRNO.SUCCESS;
    },
    fd_write(fd, iovs, iovsLen, writtenPtr) {
      const entry = open.get(fd);
      if (!entry && fd !== 1 && fd !== 2) return ERRNO.BADF;
      let written = 0;
      for (let i = 0; i < iovsLen; i++) {
        const ptr = view().getUint32(iovs + i * 8, true);
        const len = view().getUint32(iovs + i * 8 + 4, true);
        const data = bytes(ptr, len).slice();
        if (entry) writeFile(entry, data);
        else printed[fd].push(data);
        written += len;
      }
      view().setUint32(writtenPtr, written, true);
      return ERRNO.SUCCESS;
    },
    path_open(dirFd, _dirFlags, pathPtr, pathLen, oflags, _rightsBase, _rightsInheriting, _fdFlags, fdPtr) {
      if (dirFd !== PREOPEN_FD) return ERRNO.BADF;
      const path = new TextDecoder().decode(bytes(pathPtr, pathLen));
      if (oflags & OFLAGS_CREAT) files.set(path, { data: new Uint8Array(0), size: 0 });
      else if (!files.has(path)) return ERRNO.NOENT;
      const fd = nextFd++;
      open.set(fd, { path, position: 0 });
      view().setUint32(fdPtr, fd, true);
      return ERRNO.SUCCESS;
    },
    proc_exit(code) {
      throw new Exit(code);
    },
  };

  const instance = new WebAssembly.Instance(module, { wasi_snapshot_preview1: imports });
  memory = instance.exports.memory;
  let code = 0;
  try {
    instance.exports._start();
  } catch (error) {
    if (!(error instanceof Exit)) throw error;
    code = error.code;
  }
  const text = (chunks) => Buffer.concat(chunks).toString("utf8");
  const written = new Map([...files].map(([path, file]) => [path, Buffer.from(file.data.buffer, 0, file.size)]));
  return { code, stdout: text(printed[1]), stderr: text(printed[2]), files: written };
}
