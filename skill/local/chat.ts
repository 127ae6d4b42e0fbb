// One person talking to the real skill handler through the real interaction model, turn by turn: keeps the session
// (attributes, new/ongoing), plays the part of the device's AudioPlayer (PlaybackStarted/Stopped events with the
// offset it reached), and renders every answer as readable lines.
import type { Skill as CustomSkill } from "ask-sdk-core";
import type { RequestEnvelope, ResponseEnvelope } from "ask-sdk-model";
import { audioPlayerEvent, intentRequest, launchRequest, newConversation, sessionEndedRequest, type Conversation } from "./requests.js";
import { ssmlToText } from "./speech.js";
import type { UtteranceRouter } from "./utterances.js";
import { formatClock } from "../../content/clock.js";

interface Directive {
  type: string;
  playBehavior?: string;
  audioItem?: { stream?: { url?: string; token?: string; offsetInMilliseconds?: number } };
}

/** Where the pretend device's player is. */
interface PlayerState {
  token: string;
  url: string;
  startOffsetMs: number;
  startedAt: number;
  activity: "PLAYING" | "STOPPED";
}

/** A console conversation with the skill. `now` is injectable so playback offsets are testable without waiting. */
export class ChatSession {
  private conversation: Conversation;
  private sessionOpen = false;
  private player: PlayerState | undefined;

  constructor(
    private readonly skill: CustomSkill,
    private readonly router: UtteranceRouter,
    options: { applicationId?: string; userId?: string; audioPlayer?: boolean; locale?: string } = {},
    private readonly now: () => number = Date.now,
  ) {
    this.conversation = newConversation({ ...options, isNew: true });
  }

  /** Handles one typed utterance; returns the lines to print. */
  async say(utterance: string): Promise<string[]> {
    let routed = this.router.route(utterance);
    if (!routed) return ["(not understood, and this model has no AMAZON.FallbackIntent)"];
    const lines: string[] = [];
    if (this.player?.activity === "PLAYING" && routed.kind === "intent" && ["AMAZON.StopIntent", "AMAZON.CancelIntent"].includes(routed.name)) {
      // What Alexa does while a skill's stream plays: "stop" and "cancel" reach the skill as PauseIntent.
      routed = { ...routed, name: "AMAZON.PauseIntent" };
      lines.push("  (during playback Alexa sends this as AMAZON.PauseIntent)");
    }
    if (!this.sessionOpen && routed.kind === "intent" && !routed.oneShot && !this.player) {
      lines.push(`  (no session open: sent as "ask ${this.router.invocationName} to ${utterance.trim()}")`);
    }
    const startsSession = routed.kind === "launch" || !this.sessionOpen || (routed.kind === "intent" && routed.oneShot);
    if (startsSession) this.startSession();
    this.syncPlayerContext();
    const request = routed.kind === "launch" ? launchRequest(this.conversation) : intentRequest(this.conversation, routed.name, routed.slots);
    if (routed.kind === "intent") lines.push(`  → ${routed.name}${this.describeSlots(routed.slots)}`);
    lines.push(...(await this.send(request)));
    return lines;
  }

  /** The person went away with the session open: Alexa then sends SessionEndedRequest (the skill saves progress). */
  async leave(): Promise<string[]> {
    if (!this.sessionOpen) return [];
    this.syncPlayerContext();
    const answer = await this.invoke(sessionEndedRequest(this.conversation, "EXCEEDED_MAX_REPROMPTS"));
    this.sessionOpen = false;
    return typeof answer === "string" ? [answer] : ["  (session ended: no answer, as when you walk away)"];
  }

  /** Whether the skill kept the session open after the last answer. */
  get isSessionOpen(): boolean {
    return this.sessionOpen;
  }

  private startSession(): void {
    this.conversation = { ...this.conversation, sessionId: `amzn1.echo-api.session.local-${this.now()}-${Math.random().toString(16).slice(2)}`, isNew: true, attributes: {} };
    this.sessionOpen = true;
  }

  private describeSlots(slots: Record<string, { value?: string; resolutions?: unknown }>): string {
    const parts = Object.values(slots).map((slot) => {
      const id = (slot.resolutions as { resolutionsPerAuthority?: Array<{ values?: Array<{ value: { id: string } }> }> } | undefined)
        ?.resolutionsPerAuthority?.[0]?.values?.[0]?.value.id;
      return `${(slot as { name?: string }).name}="${slot.value}"${id ? ` (${id})` : ""}`;
    });
    return parts.length ? ` ${parts.join(", ")}` : "";
  }

  private offsetNow(): number {
    if (!this.player) return 0;
    return this.player.activity === "PLAYING" ? this.player.startOffsetMs + (this.now() - this.player.startedAt) : this.player.startOffsetMs;
  }

  private syncPlayerContext(): void {
    this.conversation.player = this.player
      ? { token: this.player.token, offsetInMilliseconds: this.offsetNow(), playerActivity: this.player.activity }
      : undefined;
  }

  private async invoke(request: RequestEnvelope): Promise<ResponseEnvelope | string> {
    try {
      return await this.skill.invoke(request);
    } catch (error) {
      return `(skill error: ${(error as Error).message})`;
    }
  }

  private async send(request: RequestEnvelope): Promise<string[]> {
    const answer = await this.invoke(request);
    if (typeof answer === "string") return [answer];
    const lines: string[] = [];
    const response = answer.response ?? {};
    const speech = response.outputSpeech;
    if (speech) lines.push(`Alexa: ${speech.type === "SSML" ? ssmlToText(speech.ssml) : speech.text}`);
    const reprompt = response.reprompt?.outputSpeech;
    if (reprompt) lines.push(`  (if you stay quiet: ${reprompt.type === "SSML" ? ssmlToText(reprompt.ssml) : reprompt.text})`);
    this.conversation = { ...this.conversation, isNew: false, attributes: (answer.sessionAttributes as Record<string, unknown>) ?? {} };
    const wasOpen = this.sessionOpen;
    this.sessionOpen = response.shouldEndSession === false;
    lines.push(...(await this.playDirectives((response.directives ?? []))));
    if (wasOpen && !this.sessionOpen) lines.push("  (session closed)");
    return lines;
  }

  // Acts out what a device does with AudioPlayer directives, and tells the skill through AudioPlayer events.
  private async playDirectives(directives: Directive[]): Promise<string[]> {
    const lines: string[] = [];
    for (const directive of directives) {
      if (directive.type === "AudioPlayer.Play") {
        const stream = directive.audioItem?.stream ?? {};
        const token = stream.token ?? "";
        lines.push(`  [plays ${decodeURIComponent((stream.url ?? "").split("/").pop() ?? "")} from ${formatClock(stream.offsetInMilliseconds ?? 0)}${directive.playBehavior === "ENQUEUE" ? " after the current one" : ""}]`);
        if (directive.playBehavior === "ENQUEUE") continue;
        this.player = { token, url: stream.url ?? "", startOffsetMs: stream.offsetInMilliseconds ?? 0, startedAt: this.now(), activity: "PLAYING" };
        lines.push(...(await this.event("AudioPlayer.PlaybackStarted")));
      } else if (directive.type === "AudioPlayer.Stop" || directive.type === "AudioPlayer.ClearQueue") {
        if (this.player?.activity === "PLAYING") {
          const offset = this.offsetNow();
          this.player = { ...this.player, startOffsetMs: offset, activity: "STOPPED" };
          lines.push(`  [playback stopped at ${formatClock(offset)}]`);
          lines.push(...(await this.event("AudioPlayer.PlaybackStopped")));
        }
      } else {
        lines.push(`  [${directive.type}]`);
      }
    }
    return lines;
  }

  private async event(type: string): Promise<string[]> {
    if (!this.player) return [];
    this.syncPlayerContext();
    const answer = await this.invoke(audioPlayerEvent(this.conversation, type, this.player.token, this.offsetNow()));
    if (typeof answer === "string") return [answer];
    const response = answer.response ?? {};
    const lines: string[] = [];
    // Alexa rejects speech in answers to AudioPlayer events; say so loudly if the skill tries.
    if (response.outputSpeech || response.card || response.reprompt) lines.push(`  (!) the answer to ${type} carries speech or a card, which Alexa rejects`);
    lines.push(...(await this.playDirectives((response.directives ?? []))));
    return lines;
  }
}
