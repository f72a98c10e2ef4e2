// `npm run model:download -- <name> [directory]`: fetches a whisper.cpp model and checks its SHA-1.
// Run with `tsx --conditions=react-server` (server-only resolves to a no-op under that condition).
import "server-only";
import path from "node:path";
import { parseEnv } from "@/lib/env";
import { downloadModel } from "@/lib/transcription/models/download-model";
import { WHISPER_MODELS } from "@/lib/transcription/models/model-catalog";
import { modelsDirectory } from "@/lib/transcription/models/models-directory";
import { TranscriptionError } from "@/lib/transcription/transcription-engine";

// Where the local engine looks for catalogue models. parseEnv, not env: a download needs no AUTH_SECRET.
const DEFAULT_MODELS_DIR = modelsDirectory(parseEnv(process.env));

async function main(): Promise<void> {
  const [name, directory] = process.argv.slice(2);
  if (!name) {
    console.error(`Usage: npm run model:download -- <${Object.keys(WHISPER_MODELS).join("|")}> [directory, default ${DEFAULT_MODELS_DIR}]`);
    process.exit(2);
  }
  const modelsDir = path.resolve(directory ?? DEFAULT_MODELS_DIR);
  const logger = { info: (fields: Record<string, unknown>, message: string) => console.log(message, JSON.stringify(fields)) };
  try {
    const file = await downloadModel(name, { modelsDir, logger });
    console.log(`Saved ${file}: used when WHISPER_MODEL=${name} (and MODELS_DIR or DATA_DIR matches), or set WHISPER_MODEL_PATH=${file}.`);
  } catch (error) {
    console.error(error instanceof TranscriptionError ? error.message : error);
    process.exit(1);
  }
}

void main();
