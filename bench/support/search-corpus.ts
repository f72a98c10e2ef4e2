// Generated transcripts for the search benchmark: Uzbek (agglutinative word forms built from stems
// and suffixes, with oʻ/gʻ/ʼ), Russian and English, word frequencies skewed like real speech.
const uzStems = "kitob maktab oʻqituvchi gʻalla taʼlim dars ish uy bola ota ona shahar qishloq yoʻl suv non til soʻz fikr savol javob vaqt kun yil hafta oy doʻst ustoz talaba daftar qalam xat gazeta radio musiqa qoʻshiq bayram toʻy dala bogʻ daraxt gul tosh temir mashina poyezd bozor doʻkon pul narx mehnat kasb shifokor kasalxona dori sogʻliq sport futbol oʻyin jamoa gʻalaba tarix madaniyat sanʼat sheʼr".split(" ");
const uzSuffixes = ["", "lar", "ni", "ning", "ga", "da", "dan", "lar", "larimiz", "larimizdan", "imiz", "ingiz", "lari", "chi", "siz", "li"];
const uzGlue = "va bu u biz siz men sen ham lekin endi juda bilan uchun keyin oldin bor yoʻq edi ekan emas kerak mumkin".split(" ");
const ru = "и в не на я что он с как это но мы вы они она так его все был было для уже когда только время человек год дело жизнь день рука работа слово место вопрос лицо глаз страна друг сторона дом мир случай голова ребёнок сила конец вид система часть город отношение женщина деньги земля машина вода отец проблема час право нога решение дверь образ история власть закон война бог голос тысяча книга возможность результат ночь стол имя область статья число компания народ жена группа развитие процесс суд условие средство начало свет пора путь душа уровень форма связь минута улица вечер качество мысль дорога мать действие месяц государство язык любовь взгляд мама век школа цель общество деятельность".split(" ");
const en = "the be to of and a in that have it for not on with he as you do at this but his by from they we say her she or an will my one all would there their what so up out if about who get which go me when make can like time no just him know take people into year your good some could them see other than then now look only come its over think also back after use two how our work first well way even new want because any these give day most us meeting project budget report customer market product team plan review quarter revenue design strategy launch schedule contract invoice feedback support question answer decision problem solution".split(" ");

export type CorpusLanguage = "uz" | "ru" | "en";

/** A deterministic pseudo-random source, so every run seeds the same library. */
export function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const syllables = "ba ko ri mu sa te lo ni da ge vu zo pa ki ru me so ta xo yu".split(" ");
/** Names, places and rarer words: a long tail of 8,000 pseudo-words, as real speech has. */
const tail = Array.from({ length: 8000 }, (_, n) => syllables[n % 20]! + syllables[Math.floor(n / 20) % 20]! + syllables[Math.floor(n / 400) % 20]! + "n");

/** Rank-skewed pick: the first words of a list come up far more often than the last (Zipf-like). */
function pick<T>(list: T[], random: () => number): T {
  return list[Math.floor(random() ** 1.5 * list.length)]!;
}

export function generateWord(language: CorpusLanguage, random: () => number): string {
  if (random() < 0.15) return tail[Math.floor(random() * tail.length)]!;
  if (language === "ru") return pick(ru, random);
  if (language === "en") return pick(en, random);
  return random() < 0.3 ? pick(uzGlue, random) : pick(uzStems, random) + pick(uzSuffixes, random);
}

/** Vocabulary for queries: a stem, a whole form, a Russian or English word — each query kind once. */
export const queryWords = { tail, uzStems, ru: ru.filter((word) => word.length >= 4), en: en.filter((word) => word.length >= 4) };
