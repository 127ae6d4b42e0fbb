// Types for the untyped, unmaintained ssml-builder package; only builder.ts imports it.
declare module "ssml-builder" {
  class Speech {
    say(text: string): this;
    sentence(text: string): this;
    paragraph(text: string): this;
    pause(duration: string): this;
    audio(url: string): this;
    prosody(attributes: { rate?: string; pitch?: string; volume?: string }, text: string): this;
    sayWithSSML(raw: string): this;
    ssml(excludeSpeakTag?: boolean): string;
  }
  export = Speech;
}
