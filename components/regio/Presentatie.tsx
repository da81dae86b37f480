"use client";
// Presentation mode: one slide at a time, driven by the keyboard (→, PageDown, space: next; ←,
// PageUp: previous; Home, End), the slide number announced in a live region, full screen with the
// Fullscreen API where the browser has it. Every slide is a real <section> with an <h2>. Without
// JavaScript all slides simply follow each other on the page.
import { useCallback, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import { primaryButtonClass, secondaryButtonClass } from "@/components/ui/styles";

type Slide = { id: string; title: string; content: ReactNode };

const noop = () => () => {};
const subscribeFullscreen = (callback: () => void) => {
  document.addEventListener("fullscreenchange", callback);
  return () => document.removeEventListener("fullscreenchange", callback);
};

/** Keys that belong to the element that has focus, not to the slides. */
function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName)) return true;
  // Space presses a button, follows a link, opens a summary.
  return key === " " && ["BUTTON", "A", "SUMMARY"].includes(target.tagName);
}

export function Presentatie({ title, slides }: { title: string; slides: Slide[] }) {
  const enhanced = useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
  const canFullscreen = useSyncExternalStore(
    noop,
    () => Boolean(document.fullscreenEnabled),
    () => false,
  );
  const fullscreen = useSyncExternalStore(
    subscribeFullscreen,
    () => document.fullscreenElement !== null,
    () => false,
  );
  const [index, setIndex] = useState(0);
  const [moved, setMoved] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const sections = useRef<(HTMLElement | null)[]>([]);
  const last = slides.length - 1;

  const go = useCallback(
    (next: number) => {
      setIndex(Math.min(Math.max(next, 0), last));
      setMoved(true);
    },
    [last],
  );

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey || ownsKey(event.target, event.key)) return;
      const target =
        event.key === "ArrowRight" || event.key === "PageDown" || (event.key === " " && !event.shiftKey)
          ? index + 1
          : event.key === "ArrowLeft" || event.key === "PageUp" || (event.key === " " && event.shiftKey)
            ? index - 1
            : event.key === "Home"
              ? 0
              : event.key === "End"
                ? last
                : null;
      if (target === null) return;
      event.preventDefault();
      go(target);
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [go, index, last]);

  // After a move, focus goes to the new slide, so that Tab continues inside it.
  useEffect(() => {
    if (moved) sections.current[index]?.focus();
  }, [index, moved]);

  async function toggleFullscreen() {
    if (document.fullscreenElement) await document.exitFullscreen();
    else await root.current?.requestFullscreen();
  }

  return (
    <div ref={root} className="presentatie space-y-4 bg-white [&:fullscreen]:overflow-auto [&:fullscreen]:p-8">
      {enhanced && (
        <div className="flex flex-wrap items-center gap-3 border-b border-slate-300 pb-3">
          <button type="button" className={secondaryButtonClass} onClick={() => go(index - 1)} disabled={index === 0}>
            ← Vorige dia
          </button>
          <button type="button" className={primaryButtonClass} onClick={() => go(index + 1)} disabled={index === last}>
            Volgende dia →
          </button>
          {canFullscreen && (
            <button type="button" className={secondaryButtonClass} onClick={toggleFullscreen} aria-pressed={fullscreen}>
              Volledig scherm
            </button>
          )}
          <p aria-live="polite" aria-atomic="true" className="font-semibold" data-dia={index + 1}>
            Dia {index + 1} van {slides.length}: {slides[index]?.title}
          </p>
        </div>
      )}
      {enhanced && (
        <p className="text-sm">
          {title}. Met het toetsenbord: pijl rechts, Page Down of spatie voor de volgende dia; pijl links of Page Up voor de vorige; Home en End voor de eerste
          en laatste.{canFullscreen ? "" : " Volledig scherm kan in deze browser niet vanuit de pagina; gebruik F11."}
        </p>
      )}
      {slides.map((slide, position) => (
        <section
          key={slide.id}
          ref={(element) => {
            sections.current[position] = element;
          }}
          id={`dia-${slide.id}`}
          aria-labelledby={`dia-${slide.id}-titel`}
          tabIndex={-1}
          hidden={enhanced && position !== index}
          className="space-y-4"
        >
          <h2 id={`dia-${slide.id}-titel`} className="text-2xl font-bold">
            {slide.title}
          </h2>
          {slide.content}
        </section>
      ))}
    </div>
  );
}
