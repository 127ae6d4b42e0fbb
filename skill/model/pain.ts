// Every way people say "it hurts": a guided exercise skill must never answer pain with "say next", so this list
// is long on purpose (with and without a body part, sharp, burning, numb, pulled, "that doesn't feel right").

/** Body parts people name when something hurts: BODY_PART slot values (id → names). */
export const BODY_PARTS: Record<string, string[]> = {
  neck: ["neck", "back of my neck", "throat"],
  shoulder: ["shoulder", "shoulders", "left shoulder", "right shoulder", "rotator cuff"],
  "shoulder-blade": ["shoulder blade", "shoulder blades", "between my shoulder blades", "scapula"],
  back: ["back", "upper back", "middle back", "mid back", "spine", "lower back", "low back", "lumbar"],
  chest: ["chest", "ribs", "rib", "ribcage", "side", "sides"],
  arm: ["arm", "arms", "elbow", "elbows", "upper arm", "forearm"],
  wrist: ["wrist", "wrists", "hand", "hands", "fingers", "thumb"],
  hip: ["hip", "hips", "bum", "glutes"],
  knee: ["knee", "knees", "leg", "legs", "ankle", "foot"],
  head: ["head", "jaw", "temple", "eyes"],
};

/** PainIntent samples; `{bodyPart}` is the BODY_PART slot. */
export const PAIN_SAMPLES: string[] = [
  // Without a body part: the short cries first.
  "it hurts", "that hurts", "this hurts", "ouch", "ow", "oww", "ouch ouch", "ow ow", "ow that hurts", "ouch that hurts", "ow ow ow",
  "ouch stop", "ow stop", "stop it hurts", "stop that hurts", "stop stop it hurts", "please stop it hurts", "stop ouch", "help it hurts",
  "argh", "ah that hurts", "oh that hurts", "oof", "yikes that hurts",
  "it's hurting", "it's starting to hurt", "it started to hurt", "it's beginning to hurt", "that's hurting", "this is hurting", "i'm hurting",
  "that hurt", "it hurt", "that hurt a lot", "that really hurt", "it hurts a lot", "it hurts too much", "it really hurts", "that really hurts",
  "i'm in pain", "i'm in a lot of pain", "i feel pain", "i have pain", "i've got pain", "i'm getting pain", "there's pain", "pain", "painful",
  "it's painful", "that's painful", "this is painful", "this is really painful", "it's too painful", "that's too painful",
  "that's sore", "it's sore", "this is sore", "i'm sore", "it's really sore", "that's really sore", "ow that's sore",
  "it aches", "that aches", "it's aching", "i'm aching", "something hurts", "everything hurts", "something aches",
  "i can't do this it hurts", "i can't do it it hurts", "i can't it hurts", "i can't do this it's painful",
  "that doesn't feel right", "this doesn't feel right", "something doesn't feel right", "it doesn't feel right", "that felt wrong",
  "something's wrong", "something feels wrong", "i felt something", "i felt something go",
  "i pulled something", "i think i pulled something", "i've pulled something", "i pulled a muscle", "i think i pulled a muscle",
  "i strained something", "i've strained something", "i strained a muscle", "i tweaked something", "i think i tweaked something",
  "i hurt myself", "i think i hurt myself", "i've hurt myself", "i injured myself", "i think i injured myself",
  "i felt a twinge", "there's a twinge", "i got a twinge", "twinge", "i felt a pop", "something popped", "something clicked and it hurts",
  "i feel a sharp pain", "sharp pain", "i have a sharp pain", "there's a sharp pain", "i got a sharp pain", "that was a sharp pain",
  "i feel a burning pain", "it's burning", "it burns", "burning pain", "i feel a stabbing pain", "stabbing pain", "it's stabbing",
  "i feel numb", "it's numb", "it's gone numb", "i feel tingling", "it's tingling", "pins and needles", "i have pins and needles",
  "it's killing me", "this is killing me", "that's killing me", "that's agony", "i'm in agony", "agony",
  "i've got a cramp", "i got a cramp", "cramp", "i'm cramping", "i got a spasm", "spasm", "my muscles are spasming",
  "i feel dizzy", "i feel faint", "i feel sick", "i'm dizzy", "this is uncomfortable", "it's uncomfortable",
  // With a body part.
  "my {bodyPart} hurts", "my {bodyPart} is hurting", "my {bodyPart} is sore", "my {bodyPart} is killing me", "my {bodyPart} is aching",
  "my {bodyPart} aches", "my {bodyPart} is painful", "my {bodyPart} feels sore", "my {bodyPart} feels funny", "my {bodyPart} is burning",
  "my {bodyPart} is numb", "my {bodyPart} is tingling", "my {bodyPart} went numb", "my {bodyPart} twinged", "my {bodyPart} really hurts",
  "my {bodyPart} is in pain", "my {bodyPart} hurts too much", "my {bodyPart} doesn't feel right", "my {bodyPart} is cramping",
  "my {bodyPart} clicked", "my {bodyPart} popped", "my {bodyPart} hurts when i do this", "my {bodyPart} started hurting",
  "my {bodyPart} is starting to hurt", "my {bodyPart} is really sore", "my {bodyPart}",
  "i hurt my {bodyPart}", "i pulled my {bodyPart}", "i strained my {bodyPart}", "i tweaked my {bodyPart}", "i twisted my {bodyPart}",
  "i think i pulled my {bodyPart}", "i think i hurt my {bodyPart}", "i've hurt my {bodyPart}", "i've pulled my {bodyPart}",
  "pain in my {bodyPart}", "i have pain in my {bodyPart}", "i feel pain in my {bodyPart}", "i've got pain in my {bodyPart}",
  "sharp pain in my {bodyPart}", "i feel a sharp pain in my {bodyPart}", "i have a sharp pain in my {bodyPart}",
  "a twinge in my {bodyPart}", "i felt a twinge in my {bodyPart}", "i have a twinge in my {bodyPart}",
  "ouch my {bodyPart}", "ow my {bodyPart}", "oh my {bodyPart}", "stop my {bodyPart} hurts", "ouch my {bodyPart} hurts",
  "it hurts in my {bodyPart}", "it's my {bodyPart}", "it hurts my {bodyPart}", "that hurts my {bodyPart}", "this hurts my {bodyPart}",
  "{bodyPart} pain", "{bodyPart} hurts", "something's wrong with my {bodyPart}", "i felt something in my {bodyPart}",
  "cramp in my {bodyPart}", "i've got a cramp in my {bodyPart}", "burning in my {bodyPart}", "tingling in my {bodyPart}",
  "numbness in my {bodyPart}", "pins and needles in my {bodyPart}", "stabbing pain in my {bodyPart}", "i can't it hurts my {bodyPart}",
];
