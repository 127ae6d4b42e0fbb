// Facts both apps rely on, stated once: the product's name, the id shape, and where the render's outputs live.

/** The product's name: album and artist of every MP3, the podcast and page title, the AudioPlayer subtitle. */
export const PRODUCT_NAME = "Upper Back Routine";

/** Exercise, routine and pace ids are kebab-case: `cat-cow`, `upper-back`. */
export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Where `upper-back render` writes by default, the alexa profile's sub-folder, and each profile's manifest name. */
export const SESSIONS_DIR = "dist/sessions";
export const ALEXA_SUBDIR = "alexa";
export const MANIFEST_FILE = "manifest.json";

/** The alexa-profile manifest the skill reads for AudioPlayer mode (relative to the project root). */
export const ALEXA_MANIFEST_PATH = `${SESSIONS_DIR}/${ALEXA_SUBDIR}/${MANIFEST_FILE}`;
