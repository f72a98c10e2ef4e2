import { ENGINE_NAMES, type EngineName } from "../engine-names";
import { WHISPER_LANGUAGES } from "../language/whisper-languages";
import { isWhisperModelName } from "../models/model-catalog";
import { parseModelUrl } from "../models/model-url";
import type { TranscriptionRoute, TranscriptionRoutes } from "./transcription-route";

export class InvalidRoutesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidRoutesError";
  }
}

/**
 * `uz=local:/models/uz-medium.bin,ru=openai:whisper-1,*=local:small`: comma-separated
 * `LANGUAGE=ENGINE[:MODEL]`. A local model is a file path (has a slash or ends in .bin), a catalogue
 * name, or a URL with its hash (`https://host/m.bin#sha256=<hex>`); an OpenAI model is any name the configured server knows. Every mistake is refused with the
 * entry that has it, so a typo stops start-up instead of sending a language to the wrong engine.
 */
export function parseTranscriptionRoutes(value: string): TranscriptionRoutes {
  const byLanguage = new Map<string, TranscriptionRoute>();
  let fallback: TranscriptionRoute | undefined;
  for (const entry of value.split(",").map((item) => item.trim()).filter(Boolean)) {
    const match = /^([^=\s]+)\s*=\s*([^:\s]+)(?::(.+))?$/.exec(entry);
    if (!match) throw new InvalidRoutesError(`"${entry}" is not LANGUAGE=ENGINE:MODEL`);
    const [, rawLanguage, rawEngine, rawModel] = match;
    const language = rawLanguage!.toLowerCase();
    if (language !== "*" && !Object.hasOwn(WHISPER_LANGUAGES, language)) throw new InvalidRoutesError(`"${entry}": unknown language "${rawLanguage}" (use a code such as uz, ru, en, or *)`);
    if (!(ENGINE_NAMES as readonly string[]).includes(rawEngine!)) throw new InvalidRoutesError(`"${entry}": unknown engine "${rawEngine}" (known: ${ENGINE_NAMES.join(", ")})`);
    const engine = rawEngine as EngineName;
    const model = rawModel?.trim() || undefined;
    if (engine === "local" && model && isModelUrl(model)) {
      try {
        parseModelUrl(model);
      } catch (error) {
        throw new InvalidRoutesError(`"${entry}": ${(error as Error).message}`);
      }
    } else if (engine === "local" && model && !isModelFile(model) && !isWhisperModelName(model)) {
      throw new InvalidRoutesError(`"${entry}": "${model}" is neither a model file path nor a known model name`);
    }
    if (language === "*" ? fallback : byLanguage.has(language)) throw new InvalidRoutesError(`"${entry}": ${language} is routed twice`);
    const route = model ? { engine, model } : { engine };
    if (language === "*") fallback = route;
    else byLanguage.set(language, route);
  }
  return fallback ? { byLanguage, fallback } : { byLanguage };
}

export function isModelFile(model: string): boolean {
  return !isModelUrl(model) && (model.includes("/") || model.endsWith(".bin"));
}

export function isModelUrl(model: string): boolean {
  return /^https?:\/\//i.test(model);
}
