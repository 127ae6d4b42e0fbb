// Types for the subset of @echogarden/espeak-ng-emscripten's binding that generator/tts/espeak.ts uses
// (the package ships none).
declare module "@echogarden/espeak-ng-emscripten" {
  export interface EspeakNGWorker {
    /** Selects a voice; returns 0 on success, an eSpeak error code otherwise (the voice is then unchanged). */
    set_voice(name: string): number;
    /** Speaking rate in words per minute (80–450). */
    set_rate(wpm: number): number;
    list_voices(): { identifier: string; name: string; languages: { priority: number; name: string }[] }[];
    /**
     * Synthesizes SSML/text synchronously at 22050 Hz, calling back with s16 chunks; a truthy return aborts.
     */
    synthesize(text: string, callback: (samples: Int16Array | undefined, events: unknown[]) => boolean | void): void;
    __destroy__(): void;
  }
  export interface EspeakNGModule {
    eSpeakNGWorker: new () => EspeakNGWorker;
  }
  const initialize: (moduleArg?: Record<string, unknown>) => Promise<EspeakNGModule>;
  export default initialize;
}
