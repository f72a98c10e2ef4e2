"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type FocusEvent, type ReactNode } from "react";

/**
 * The signed-in user's header items: in the row from `sm` up; on a phone behind one button, so the
 * header stays a single row. Escape, a click outside or tabbing away closes it.
 */
export function HeaderMenu({ children }: { children: ReactNode }) {
  const t = useTranslations("header");
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    function closeOnEscape(event: KeyboardEvent) {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    }
    function closeOnOutsidePointer(event: PointerEvent) {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    }
    document.addEventListener("keydown", closeOnEscape);
    document.addEventListener("pointerdown", closeOnOutsidePointer);
    return () => {
      document.removeEventListener("keydown", closeOnEscape);
      document.removeEventListener("pointerdown", closeOnOutsidePointer);
    };
  }, [open]);

  function closeOnFocusLeaving(event: FocusEvent) {
    if (!root.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
  }

  return (
    <div ref={root} onBlur={closeOnFocusLeaving}>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        className="flex size-10 items-center justify-center rounded-md border border-slate-300 text-slate-700 hover:bg-slate-100 sm:hidden"
        data-testid="header-menu-button"
      >
        <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" aria-hidden="true" focusable="false" className="size-5">
          <path d="M4 7h16M4 12h16M4 17h16" />
        </svg>
        <span className="sr-only">{t("accountMenu")}</span>
      </button>
      <div
        id={panelId}
        className={`${open ? "flex" : "hidden"} absolute inset-x-0 top-full z-20 flex-col items-start gap-3 border-b border-slate-200 bg-white px-4 py-3 shadow-md sm:static sm:flex sm:flex-row sm:flex-wrap sm:items-center sm:border-0 sm:p-0 sm:shadow-none`}
      >
        {children}
      </div>
    </div>
  );
}
