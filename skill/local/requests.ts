// Builds Alexa request envelopes the way the Alexa service sends them, for the local server, the console chat,
// the Lambda invoke test and the benchmark: one definition of "a real-looking request".
import { randomUUID } from "node:crypto";
import type { IntentRequest, RequestEnvelope, Slot } from "ask-sdk-model";

/** Who is talking and in which conversation. */
export interface Conversation {
  applicationId: string;
  userId: string;
  deviceId: string;
  sessionId: string;
  /** True until the first request of the session has been sent. */
  isNew: boolean;
  attributes: Record<string, unknown>;
  locale: string;
  /** Whether the pretend device can stream (AudioPlayer interface). */
  audioPlayer: boolean;
  /** What the device's player is doing, sent as context.AudioPlayer on every request when set. */
  player?: { token: string; offsetInMilliseconds: number; playerActivity: "PLAYING" | "PAUSED" | "STOPPED" | "FINISHED" | "IDLE" };
}

/** A fresh conversation for one pretend user and device. */
export function newConversation(options: Partial<Conversation> = {}): Conversation {
  return {
    applicationId: options.applicationId ?? "amzn1.ask.skill.00000000-0000-0000-0000-000000000000",
    userId: options.userId ?? `amzn1.ask.account.local-${randomUUID()}`,
    deviceId: options.deviceId ?? `amzn1.ask.device.local-${randomUUID()}`,
    sessionId: options.sessionId ?? `amzn1.echo-api.session.${randomUUID()}`,
    isNew: options.isNew ?? true,
    attributes: options.attributes ?? {},
    locale: options.locale ?? "en-US",
    audioPlayer: options.audioPlayer ?? false,
    ...(options.player ? { player: options.player } : {}),
  };
}

function envelope(conversation: Conversation, request: RequestEnvelope["request"], withSession = true): RequestEnvelope {
  const application = { applicationId: conversation.applicationId };
  const user = { userId: conversation.userId };
  return {
    version: "1.0",
    ...(withSession
      ? { session: { new: conversation.isNew, sessionId: conversation.sessionId, application, user, attributes: conversation.attributes } }
      : {}),
    context: {
      ...(conversation.player ? { AudioPlayer: conversation.player } : {}),
      System: {
        application,
        user,
        device: { deviceId: conversation.deviceId, supportedInterfaces: conversation.audioPlayer ? { AudioPlayer: {} } : {} },
        apiEndpoint: "https://api.amazonalexa.com",
      },
    },
    request,
  };
}

function base(conversation: Conversation) {
  return { requestId: `amzn1.echo-api.request.${randomUUID()}`, timestamp: new Date().toISOString(), locale: conversation.locale };
}

/** "Alexa, open upper back routine". */
export function launchRequest(conversation: Conversation): RequestEnvelope {
  return envelope(conversation, { type: "LaunchRequest", ...base(conversation) });
}

/** An intent with slot values (raw words; resolutions are added by the caller when it knows them). */
export function intentRequest(conversation: Conversation, name: string, slots: Record<string, Slot> = {}): RequestEnvelope {
  const request: IntentRequest = {
    type: "IntentRequest",
    ...base(conversation),
    dialogState: "COMPLETED",
    intent: { name, confirmationStatus: "NONE", slots },
  };
  return envelope(conversation, request);
}

/** The session ended (user silent, or said stop during a prompt). */
export function sessionEndedRequest(conversation: Conversation, reason: "USER_INITIATED" | "EXCEEDED_MAX_REPROMPTS" = "USER_INITIATED"): RequestEnvelope {
  return envelope(conversation, { type: "SessionEndedRequest", ...base(conversation), reason });
}

/** An AudioPlayer event (no session, as Alexa sends them). */
export function audioPlayerEvent(conversation: Conversation, type: string, token: string, offsetInMilliseconds = 0): RequestEnvelope {
  return envelope(conversation, { type, ...base(conversation), token, offsetInMilliseconds } as unknown as RequestEnvelope["request"], false);
}
