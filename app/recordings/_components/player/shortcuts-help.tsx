"use client";

import { useTranslations } from "next-intl";
import { useId, useRef } from "react";
import { KeyboardIcon } from "./icons";
import { SHORTCUTS, type KeyCombo } from "./shortcuts";

/** Key names a screen reader would otherwise read as symbols, or that need translating. */
const SPOKEN_KEYS: Record<string, string> = { Space: "space", "←": "left", "→": "right", "↑": "up", "↓": "down" };

/** A "Keyboard shortcuts" button and the small dialog listing them. */
export function ShortcutsHelp() {
  const t = useTranslations("player");
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  return (
    <>
      <button
        type="button"
        onClick={() => dialog.current?.showModal()}
        aria-haspopup="dialog"
        className="flex h-10 min-w-10 items-center justify-center gap-1.5 rounded-md border border-slate-300 px-2 text-sm font-medium text-slate-700 hover:bg-slate-100"
        data-testid="player-shortcuts"
      >
        <KeyboardIcon />
        <span className="sr-only sm:not-sr-only">{t("shortcuts")}</span>
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-[min(26rem,calc(100vw-2rem))] rounded-xl p-5 text-slate-900 backdrop:bg-black/40"
        onClick={(event) => {
          if (event.target === event.currentTarget) dialog.current?.close(); // a click on the backdrop
        }}
        data-testid="player-shortcuts-dialog"
      >
        <h2 id={titleId} className="mb-1 text-lg font-semibold">
          {t("shortcuts")}
        </h2>
        <p className="mb-3 text-sm text-slate-600">{t("shortcutsIntro")}</p>
        <table className="mb-3 w-full text-sm">
          <thead className="sr-only">
            <tr>
              <th scope="col">{t("shortcutAction")}</th>
              <th scope="col">{t("shortcutKeys")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {SHORTCUTS.map(({ action, combos }) => (
              <tr key={action}>
                <th scope="row" className="py-2 pr-3 text-left font-normal">
                  {t(`actions.${action}`)}
                </th>
                <td className="py-2 text-right">
                  {combos.map((combo, index) => (
                    <span key={combo.join("+")}>
                      {index > 0 && <span className="px-1 text-slate-500">{t("or")}</span>}
                      <Combo combo={combo} />
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mb-4 text-xs text-slate-600">{t("shortcutsMac")}</p>
        <div className="flex justify-end">
          <button type="button" onClick={() => dialog.current?.close()} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
            {t("close")}
          </button>
        </div>
      </dialog>
    </>
  );
}

function Combo({ combo }: { combo: KeyCombo }) {
  const t = useTranslations("player.keys");
  return (
    <span className="whitespace-nowrap">
      {combo.map((key, index) => {
        const spoken = SPOKEN_KEYS[key];
        return (
          <span key={key}>
            {index > 0 && <span aria-hidden="true">+</span>}
            <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs text-slate-800">
              {spoken === "space" ? t("space") : spoken ? (
                <>
                  <span aria-hidden="true">{key}</span>
                  <span className="sr-only">{t(spoken)}</span>
                </>
              ) : (
                key
              )}
            </kbd>
          </span>
        );
      })}
    </span>
  );
}
