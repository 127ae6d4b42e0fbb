// The skill's intents and their sample utterances; slot values come from content (see generate.ts).

/** One custom intent: its slots (name → slot type) and what people say. */
export interface IntentSource {
  name: string;
  slots?: Record<string, "EXERCISE" | "ROUTINE" | "PACE">;
  samples: string[];
}

/** Custom intents first: virtual-alexa (like Alexa) prefers the skill's own samples on a tie with a built-in. */
export const CUSTOM_INTENTS: IntentSource[] = [
  {
    name: "StartRoutineIntent",
    slots: { routine: "ROUTINE", pace: "PACE" },
    samples: [
      "start", "begin", "start the routine", "start my routine", "start a routine", "begin the routine", "start my workout",
      "start the exercises", "let's start", "let's go", "let's begin", "do the routine", "do my exercises", "do my stretches",
      "start the {routine}", "start {routine}", "do the {routine}", "begin the {routine}", "play the {routine}", "let's do the {routine}",
      "start the {routine} routine", "do the {routine} routine", "i want to do the {routine}", "for the {routine}", "for a {routine}",
      "start a {pace} routine", "start the routine at a {pace} pace", "do a {pace} routine", "start the {routine} at a {pace} pace",
      "do the {routine} at a {pace} pace", "start a {pace} workout",
    ],
  },
  {
    name: "PickExerciseIntent",
    slots: { exercise: "EXERCISE" },
    samples: [
      "for {exercise}", "for the {exercise}", "do {exercise}", "do the {exercise}", "do a {exercise}", "play {exercise}", "play the {exercise}",
      "let's do {exercise}", "let's do the {exercise}", "i want to do {exercise}", "i want to do the {exercise}", "i'd like to do {exercise}",
      "start {exercise}", "start the {exercise}", "go to {exercise}", "take me to {exercise}", "try {exercise}", "practice {exercise}",
      "{exercise} please", "the {exercise} exercise", "the {exercise} stretch", "guide me through {exercise}", "give me {exercise}",
    ],
  },
  {
    name: "ListExercisesIntent",
    samples: [
      "what exercises are there", "what exercises do you have", "which exercises are there", "which exercises do you have",
      "list the exercises", "list exercises", "list all exercises", "tell me the exercises", "what are the exercises",
      "what stretches are there", "what stretches do you have", "what's in the routine", "what is in the routine",
      "what routines are there", "what can i choose from", "name the exercises", "read me the exercises",
    ],
  },
  {
    name: "HowToIntent",
    slots: { exercise: "EXERCISE" },
    samples: [
      "how do i do {exercise}", "how do i do the {exercise}", "how to do {exercise}", "how to do the {exercise}", "how does {exercise} work",
      "explain {exercise}", "explain the {exercise}", "describe {exercise}", "describe the {exercise}", "tell me about {exercise}",
      "tell me about the {exercise}", "what is {exercise}", "what is the {exercise}", "teach me {exercise}", "show me how to do {exercise}",
      "how do i do this", "how do i do this exercise", "how does this exercise work", "explain this exercise", "explain this one",
      "what am i supposed to do", "how do i do it",
    ],
  },
  {
    name: "SkipIntent",
    samples: [
      "skip", "skip this", "skip this one", "skip this exercise", "skip it", "skip that", "skip that exercise", "move on",
      "i don't want to do this one", "i can't do this one", "let's skip this",
    ],
  },
  {
    name: "SlowerIntent",
    samples: [
      "slower", "slow down", "go slower", "slower please", "make it easier", "easier", "easier please", "gentler", "more gently",
      "take it easy", "shorter holds", "fewer repetitions", "that's too hard", "this is too hard", "too fast", "it's too fast",
    ],
  },
  {
    name: "FasterIntent",
    samples: [
      "faster", "speed up", "go faster", "faster please", "make it harder", "harder", "harder please", "go deeper", "more challenging",
      "longer holds", "more repetitions", "that's too easy", "this is too easy", "too slow", "it's too slow",
    ],
  },
  {
    name: "PainIntent",
    samples: [
      "it hurts", "i feel pain", "that hurts", "ouch", "ow", "this hurts", "it's painful", "that's painful", "this is painful",
      "i'm in pain", "i have pain", "i'm hurting", "it's hurting", "my back hurts", "my neck hurts", "my shoulder hurts",
      "ouch that hurts", "i hurt myself", "pain", "that really hurts", "i feel a sharp pain", "it's too painful", "something hurts",
    ],
  },
  {
    name: "ContinueIntent",
    samples: [
      "continue where i left off", "resume my routine", "continue my routine", "pick up where i left off", "carry on where i left off",
      "resume where i stopped", "continue where i stopped", "continue from where i stopped", "carry on", "carry on with my routine",
      "continue the routine", "resume the routine", "go on where i left off", "where was i",
    ],
  },
];

/** Built-in intents the skill handles (AudioPlayer requires Pause and Resume; the rest certification checks). */
export const BUILTIN_INTENTS = [
  "AMAZON.HelpIntent", "AMAZON.StopIntent", "AMAZON.CancelIntent", "AMAZON.FallbackIntent", "AMAZON.NavigateHomeIntent",
  "AMAZON.NextIntent", "AMAZON.PreviousIntent", "AMAZON.RepeatIntent", "AMAZON.StartOverIntent", "AMAZON.PauseIntent",
  "AMAZON.ResumeIntent", "AMAZON.YesIntent", "AMAZON.NoIntent",
  "AMAZON.LoopOnIntent", "AMAZON.LoopOffIntent", "AMAZON.ShuffleOnIntent", "AMAZON.ShuffleOffIntent",
];
