// The skill's intents and what people say for them; slot values come from content (see generate.ts). The intent
// names here are the type the routing table (skill/handlers/routes.ts) is checked against.
import { PAIN_SAMPLES } from "./pain.js";

/** Slot types the skill defines (values generated from content, or BODY_PART from pain.ts). */
export type SlotTypeName = "EXERCISE" | "ROUTINE" | "PACE" | "BODY_PART" | "AMAZON.SearchQuery";

/** One custom intent: its slots (name → slot type) and what people say. */
export interface IntentSource {
  slots?: Record<string, SlotTypeName>;
  samples: string[];
}

/** Custom intents first: virtual-alexa (like Alexa) prefers the skill's own samples on a tie with a built-in. */
export const CUSTOM_INTENTS = {
  StartRoutineIntent: {
    slots: { routine: "ROUTINE", pace: "PACE" },
    samples: [
      "start", "begin", "start the routine", "start my routine", "start a routine", "begin the routine", "start my workout",
      "start the exercises", "let's start", "let's go", "let's begin", "do the routine", "do my exercises", "do my stretches",
      "let's get started", "let's do this", "start my exercises", "start the workout", "start a session", "i want to exercise",
      "i want to do my exercises", "let's do some stretches", "let's do the exercises", "begin my routine", "start stretching",
      "{routine}", "{routine} please", "do {routine}", "{routine} routine", "start the {routine}", "start {routine}", "do the {routine}", "begin the {routine}",
      "play the {routine}", "let's do the {routine}", "start the {routine} routine", "do the {routine} routine", "i want to do the {routine}",
      "for the {routine}", "for a {routine}", "give me the {routine}", "can we do the {routine}", "i'd like the {routine}", "i'd like to do the {routine}",
      "let's do a {routine}", "i want the {routine}", "do a {routine}", "try the {routine}", "start my {routine}", "go for the {routine}",
      "put on the {routine}", "can i do the {routine}", "i want a {routine}", "i'd like a {routine}", "just the {routine}", "the {routine} please",
      "start a {pace} routine", "start the routine at a {pace} pace", "do a {pace} routine", "start the {routine} at a {pace} pace",
      "do the {routine} at a {pace} pace", "start a {pace} workout", "a {pace} session please", "start at a {pace} pace",
    ],
  },
  PickExerciseIntent: {
    slots: { exercise: "EXERCISE" },
    samples: [
      "{exercise}", "{exercise} please", "{exercise} next", "the {exercise}", "the {exercise} please", "the {exercise} one",
      "for {exercise}", "for the {exercise}", "do {exercise}", "do the {exercise}", "do a {exercise}", "do some {exercise}", "play {exercise}", "play the {exercise}",
      "let's do {exercise}", "let's do the {exercise}", "let's do {exercise} please", "i want to do {exercise}", "i want to do the {exercise}",
      "i'd like to do {exercise}", "i'd like to do the {exercise}", "i want to try {exercise}", "i want to try the {exercise}", "can i do {exercise}",
      "can i do the {exercise}", "can we do {exercise}", "can we do the {exercise}", "start {exercise}", "start the {exercise}",
      "go to {exercise}", "go to the {exercise}", "go to the {exercise} exercise", "take me to {exercise}", "take me to the {exercise}",
      "try {exercise}", "try the {exercise}", "practice {exercise}", "the {exercise} exercise", "the {exercise} stretch",
      "guide me through {exercise}", "guide me through the {exercise}", "give me {exercise}", "just {exercise}", "just the {exercise}",
      "switch to {exercise}", "switch to the {exercise}", "jump to {exercise}", "jump to the {exercise}", "how about {exercise}", "how about the {exercise}",
      "let's try {exercise}", "let's try the {exercise}", "now {exercise}", "now the {exercise}", "i need {exercise}", "lead me through {exercise}",
    ],
  },
  ListExercisesIntent: {
    samples: [
      "what exercises are there", "what exercises do you have", "which exercises are there", "which exercises do you have",
      "list the exercises", "list exercises", "list all exercises", "tell me the exercises", "what are the exercises",
      "what stretches are there", "what stretches do you have", "what's in the routine", "what is in the routine",
      "what routines are there", "what can i choose from", "name the exercises", "read me the exercises",
      "which stretches can i do", "what stretches can i do", "what exercises can i do", "what are my choices", "what else is there",
      "what other exercises are there", "which routines are there", "what routines do you have", "list the routines",
      "what exercises", "which exercises", "what's available", "what are the routines", "what's on the list", "what do you have",
      "give me the list", "what stretches", "tell me what exercises there are", "what kind of exercises are there",
    ],
  },
  HowToIntent: {
    slots: { exercise: "EXERCISE" },
    samples: [
      "how do i do {exercise}", "how do i do the {exercise}", "how to do {exercise}", "how to do the {exercise}", "how does {exercise} work",
      "explain {exercise}", "explain the {exercise}", "describe {exercise}", "describe the {exercise}", "tell me about {exercise}",
      "tell me about the {exercise}", "what is {exercise}", "what is the {exercise}", "what's {exercise}", "what's the {exercise}",
      "teach me {exercise}", "show me how to do {exercise}", "talk me through {exercise}", "talk me through the {exercise}",
      "how is {exercise} done", "what is a {exercise}", "how does the {exercise} work", "how should i do {exercise}", "remind me how to do {exercise}",
      "how do i do this", "how do i do this exercise", "how does this exercise work", "explain this exercise", "explain this one",
      "what am i supposed to do", "how do i do it", "how do i do this one", "how do i do the current one", "how does this one work",
      "explain the current one", "what do i do in this one", "what am i meant to be doing", "how should i do this", "remind me how to do this",
      "how do i do the current exercise", "explain the current exercise", "what do i do", "how does it go", "talk me through this one",
    ],
  },
  SkipIntent: {
    samples: [
      "skip", "skip this", "skip this one", "skip this exercise", "skip it", "skip that", "skip that exercise", "skip ahead",
      "i don't want to do this one", "i can't do this one", "let's skip this", "let's skip this one", "can we skip this one", "pass",
      "i'll pass", "not this one", "leave this one out", "i'd rather skip this", "skip this stretch", "i don't like this one",
    ],
  },
  SkipForGoodIntent: {
    slots: { exercise: "EXERCISE" },
    samples: [
      "skip {exercise} from now on", "skip the {exercise} from now on", "always skip {exercise}", "always skip the {exercise}",
      "don't do {exercise} any more", "don't do the {exercise} any more", "leave out {exercise}", "leave out the {exercise}",
      "remove {exercise}", "remove the {exercise}", "take {exercise} out", "take out the {exercise}", "no more {exercise}",
      "skip this one from now on", "always skip this one", "don't do this one any more", "leave this one out from now on",
      "never do this one again", "remove this exercise", "take this one out", "skip it from now on",
    ],
  },
  PutBackIntent: {
    slots: { exercise: "EXERCISE" },
    samples: [
      "put {exercise} back", "put the {exercise} back", "put back {exercise}", "put back the {exercise}", "bring back {exercise}",
      "bring back the {exercise}", "add {exercise} back", "add the {exercise} back", "include {exercise} again", "include the {exercise} again",
      "stop skipping {exercise}", "stop skipping the {exercise}", "put it back", "put them back", "bring it back", "put everything back",
      "stop skipping exercises", "don't skip anything", "bring back all the exercises", "include everything again",
    ],
  },
  SlowerIntent: {
    samples: [
      "slower", "slow down", "go slower", "slower please", "make it easier", "easier", "easier please", "gentler", "more gently",
      "take it easy", "shorter holds", "fewer repetitions", "that's too hard", "this is too hard", "too fast", "it's too fast",
      "that's too fast", "you're going too fast", "too quick", "can you go slower", "slow it down", "a bit slower", "less reps",
      "fewer reps", "a gentler pace", "the gentle pace", "make it gentler", "too difficult", "this is too difficult", "that's too much for me",
      "go easier", "go easy on me", "can we go slower", "not so fast",
    ],
  },
  FasterIntent: {
    samples: [
      "faster", "speed up", "go faster", "faster please", "make it harder", "harder", "harder please", "go deeper", "more challenging",
      "longer holds", "more repetitions", "that's too easy", "this is too easy", "too slow", "it's too slow", "a bit faster",
      "pick up the pace", "speed it up", "step it up", "more reps", "make it more challenging", "that was too easy", "i can do more",
      "push me harder", "challenge me", "the deeper pace", "longer stretches", "you're going too slow", "can we go faster",
    ],
  },
  PainIntent: { slots: { bodyPart: "BODY_PART", pain: "AMAZON.SearchQuery" }, samples: PAIN_SAMPLES },
  ContinueIntent: {
    samples: [
      "continue where i left off", "resume my routine", "continue my routine", "pick up where i left off", "carry on where i left off",
      "resume where i stopped", "continue where i stopped", "continue from where i stopped", "carry on", "carry on with my routine",
      "continue the routine", "resume the routine", "go on where i left off", "where was i", "carry on from last time", "resume my workout",
      "continue from last time", "pick up from last time", "continue my workout", "resume my session", "continue my session",
      "continue my exercises", "let's continue", "continue where we left off", "pick up where we left off", "carry on where we stopped",
      "back to where i was", "resume where i left off", "continue the session", "finish my routine", "finish where i left off",
    ],
  },
  ForgetProgressIntent: {
    samples: [
      "forget my progress", "delete my progress", "reset my progress", "clear my progress", "forget me", "delete my data",
      "forget everything", "wipe my progress", "delete my history", "erase my progress",
      "forget what i've done", "reset the skill", "clear my data",
    ],
  },
} satisfies Record<string, IntentSource>;

/** Built-in intents the skill handles, with the custom samples that extend Amazon's own (Pause and Resume are required with AudioPlayer). */
export const BUILTIN_INTENTS = {
  "AMAZON.HelpIntent": [
    "what can i say", "what do i say", "how does this work", "i'm confused", "i don't know what to say", "what are my options",
    "what can you do", "i need help", "how do i use this", "what can i ask", "help me please",
  ],
  "AMAZON.StopIntent": [
    "i'm done", "that's enough for today", "that's enough", "i'm finished", "end the session", "stop the routine", "stop the exercise",
    "i want to stop", "let's stop", "stop now", "we're done", "no more", "i've had enough", "that's it for today", "i'm done for today",
    "finish for today", "end the routine", "stop the workout", "that's all for today", "please stop", "stop please",
  ],
  "AMAZON.CancelIntent": ["forget it", "cancel that", "never mind that"],
  "AMAZON.FallbackIntent": [],
  "AMAZON.NavigateHomeIntent": [],
  "AMAZON.NextIntent": [
    "next one", "next exercise", "move on", "keep going", "go on", "onwards", "what's next", "go to the next one", "next please",
    "the next one", "on to the next", "let's move on", "next stretch", "ok next", "next exercise please", "moving on",
  ],
  "AMAZON.PreviousIntent": [
    "go back one", "back one", "previous one", "the one before", "last exercise", "go back to the last one", "go back to the previous exercise",
    "back to the last one", "i didn't mean to skip that", "go back to that one", "the previous exercise", "one back",
  ],
  "AMAZON.RepeatIntent": [
    "once more", "one more time", "again", "do it again", "do that again", "repeat this exercise", "repeat that one", "let's do that again",
    "can you repeat that", "say it again", "what did you say", "pardon", "come again", "repeat the exercise", "do this one again",
  ],
  "AMAZON.StartOverIntent": [
    "from the top", "start from the beginning", "from the beginning", "start again from the beginning", "restart the routine", "begin again",
    "go back to the start", "start it over", "back to the beginning", "start this again", "restart this exercise", "start this one again",
  ],
  "AMAZON.PauseIntent": ["hold on", "wait", "wait a moment", "give me a minute", "hang on", "one moment", "pause the routine", "pause it", "take a break"],
  "AMAZON.ResumeIntent": ["unpause", "resume the exercise", "i'm back", "resume playing", "play again", "keep playing"],
  "AMAZON.YesIntent": [
    "yeah", "yep", "sure thing", "ok", "okay", "go ahead", "let's do it", "ready", "i'm ready", "yes i'm ready", "of course", "yes let's start",
    "please do", "sounds good", "alright", "yes please do", "why not", "ready when you are",
  ],
  "AMAZON.NoIntent": ["nope", "not now", "not really", "i'd rather not", "no i'm good", "nah", "not today", "no thank you", "not yet"],
  "AMAZON.LoopOnIntent": [],
  "AMAZON.LoopOffIntent": [],
  "AMAZON.ShuffleOnIntent": [],
  "AMAZON.ShuffleOffIntent": [],
} satisfies Record<`AMAZON.${string}`, string[]>;

/** Every intent name of the generated model: the routing table must cover exactly these. */
export type IntentName = keyof typeof CUSTOM_INTENTS | keyof typeof BUILTIN_INTENTS;
