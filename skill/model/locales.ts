// Words that differ by English locale: what people in the UK, Australia, India and Canada say on top of the shared
// samples ("having a go", "sore", "paining", "crook"). Every locale keeps the full shared coverage.
import type { LOCALES } from "./generate.js";
import type { IntentName } from "./intents.js";

/** Extra samples per locale and intent, appended to the shared ones. */
export const LOCALE_SAMPLES: Record<(typeof LOCALES)[number], Partial<Record<IntentName, string[]>>> = {
  "en-US": { PainIntent: ["should i see a physical therapist", "i think i need a physical therapist", "my physical therapist said to stop"] },
  "en-GB": {
    PainIntent: ["should i see a physio", "i think i need a physio", "my physio said to stop", "i've done my {bodyPart} in", "i've done something to my {bodyPart}", "that's giving me gyp", "that smarts", "ooh that's sore", "my {bodyPart} is giving me gyp"],
    PickExerciseIntent: ["have a go at {exercise}", "have a go at the {exercise}", "i'll have a go at {exercise}", "let's have a go at the {exercise}"],
    StartRoutineIntent: ["have a go at the {routine}", "let's have a go", "i'll have a go at the {routine}"],
    "AMAZON.StopIntent": ["that'll do for today", "i'm knackered", "that'll do"],
  },
  "en-AU": {
    PainIntent: ["should i see a physio", "i think i need a physio", "my physio said to stop", "my {bodyPart} is crook", "i've stuffed my {bodyPart}", "i've done my {bodyPart}", "that's real sore", "that's bloody sore"],
    PickExerciseIntent: ["have a go at {exercise}", "have a go at the {exercise}", "let's have a crack at {exercise}"],
    StartRoutineIntent: ["have a go at the {routine}", "let's have a go", "let's have a crack at the {routine}"],
    "AMAZON.StopIntent": ["that'll do for today", "i'm buggered", "that'll do"],
  },
  "en-IN": {
    PainIntent: ["should i see a physio", "i think i need a physio", "my physio said to stop", "it is paining", "paining", "my {bodyPart} is paining", "i am getting pain", "pain is coming", "i am having pain in my {bodyPart}", "it is paining too much"],
    PickExerciseIntent: ["kindly start {exercise}", "kindly start the {exercise}", "please start {exercise}", "please start the {exercise}"],
    StartRoutineIntent: ["kindly start the {routine}", "please start the {routine}", "kindly start the routine"],
    "AMAZON.StopIntent": ["that is enough for today", "i am done", "i am finished"],
  },
  "en-CA": {
    PainIntent: ["should i see a physio", "i think i need a physio", "my physio said to stop", "that's sore eh", "ow that's brutal", "my {bodyPart} is sore eh"],
    PickExerciseIntent: ["have a go at {exercise}", "let's give {exercise} a go", "give {exercise} a try"],
    StartRoutineIntent: ["let's give the {routine} a go", "give the {routine} a try"],
    "AMAZON.StopIntent": ["that'll do for today", "i'm beat"],
  },
};
