// What the skill stores about a person, where, for how long, and how to delete it: one set of facts for the privacy
// page the render writes (generator/site/privacy.ts) and for the skill's storage (skill/persistence/dynamo.ts reads
// RETENTION_DAYS), so the page can never promise something the code does not do.

/** Files the render writes for Alexa certification, and the skill manifest links (`upper-back model --base-url`). */
export const CERTIFICATION_FILES = {
  /** 108 × 108 px PNG: smallIconUri. */
  smallIcon: { file: "icon-108.png", size: 108 },
  /** 512 × 512 px PNG: largeIconUri. */
  largeIcon: { file: "icon-512.png", size: 512 },
  /** privacyPolicyUrl; termsOfUseUrl is its #terms section. */
  privacyPage: "privacy.html",
  termsSection: "terms",
} as const;

/** Days an item lives after the person's last use; DynamoDB's TTL then deletes it. */
export const RETENTION_DAYS = 365;

/** What to say to delete everything stored (the skill's ForgetProgress intent). */
export const FORGET_PHRASE = "Alexa, ask upper back routine to forget my progress";

/** One thing the skill remembers, and why. */
export interface StoredFact {
  what: string;
  why: string;
}

/** Everything the skill stores per person; add a line here whenever skill/state/types.ts gains a persisted field. */
export const STORED_FACTS: readonly StoredFact[] = [
  { what: "Where you stopped: the routine or exercise, and the step within it", why: "so you can continue where you left off" },
  { what: "Your pace (gentle, standard or deeper)", why: "so the next session keeps the pace you chose" },
  { what: "How many sessions you have finished, and your streak of days in a row", why: "so the skill can tell you how you are doing" },
  { what: "The exercises you said hurt, and the ones you asked to skip from now on", why: "so the skill can leave them out or check with you first" },
  { what: "Whether you have heard the safety note, and whether audio failed on your device today", why: "so the skill does not repeat itself or retry a failing stream" },
];

/** The privacy policy and terms as plain text sections (escaped where they are rendered). */
export function privacySections(): Array<{ id: string; heading: string; paragraphs: string[]; list?: string[] }> {
  return [
    {
      id: "stored",
      heading: "What the skill stores",
      paragraphs: [
        "Upper Back Routine stores a small record of your progress, keyed by the anonymous user id Alexa gives the skill. It never receives your name, your email address, your voice recordings or your location.",
      ],
      list: STORED_FACTS.map((fact) => `${fact.what}, ${fact.why}.`),
    },
    {
      id: "where",
      heading: "Where it is stored",
      paragraphs: [
        "The record is kept in one Amazon DynamoDB table in the skill's own AWS account, in the region the skill runs in. It is not shared, sold, or used for advertising, and no one else receives it.",
      ],
    },
    {
      id: "how-long",
      heading: "For how long",
      paragraphs: [`The record is deleted automatically ${RETENTION_DAYS} days after you last used the skill. Each time you use it, that period starts again.`],
    },
    {
      id: "delete",
      heading: "How to delete it",
      paragraphs: [
        `Say "${FORGET_PHRASE}". The skill deletes your record straight away and starts fresh next time. Disabling the skill in the Alexa app stops any further storage; the record then expires as described above.`,
      ],
    },
    {
      id: CERTIFICATION_FILES.termsSection,
      heading: "Terms of use",
      paragraphs: [
        "The skill and the recordings are for general fitness and information only. They are not a substitute for professional medical advice, diagnosis or treatment.",
        "If you have an injury, a medical condition or pain that persists, talk to a doctor or physiotherapist before you start. Stop any exercise that hurts: say \"it hurts\" and the skill stops straight away.",
        "The skill is provided as is, without warranty of any kind.",
      ],
    },
  ];
}
