"use client";
// The stream's container. When entries are inserted above what the reader can see, everything below
// would jump down. Instead, each child that moved is put back where it was with a transform and then
// eased to its new place (FLIP), and the new entries fade in: the reader sees a slide, not a jump,
// and since the compensated move is a transform it is not a layout shift (CLS).
//
// Chromium counts a shift when a new layout change lands while an earlier compensation is still
// running, so the caller inserts in batches no closer together than SLIDE_MS (see LiveFeed).
// A class component because getSnapshotBeforeUpdate is React's one hook that runs just before the DOM changes.
import { Component, createRef, type ReactNode } from "react";

export const SLIDE_MS = 250;
/** How long after a batch is inserted the next one may be (the slide plus two frames to start it). */
export const SLIDE_SETTLE_MS = SLIDE_MS + 100;

interface Props {
  /** Animate moves and insertions (the reader is at the top); off while jumping somewhere on purpose. */
  animate: boolean;
  children: ReactNode;
  className?: string;
  "data-testid"?: string;
  "aria-labelledby"?: string;
}

type Snapshot = Map<Element, number> | null;

const reducedMotion = () => window.matchMedia("(prefers-reduced-motion: reduce)").matches;

export class SlideInList extends Component<Props> {
  private readonly ref = createRef<HTMLElement>();

  getSnapshotBeforeUpdate(): Snapshot {
    const root = this.ref.current;
    if (!this.props.animate || !root) return null;
    const tops = new Map<Element, number>();
    for (const child of root.children) tops.set(child, child.getBoundingClientRect().top);
    return tops;
  }

  componentDidUpdate(_props: Props, _state: unknown, before: Snapshot): void {
    const root = this.ref.current;
    if (!before || !root) return;
    const moved: HTMLElement[] = [];
    const viewport = window.innerHeight;
    for (const child of root.children) {
      if (!(child instanceof HTMLElement)) continue;
      const top = child.getBoundingClientRect().top;
      const was = before.get(child);
      if (was === undefined) {
        // New: fade in from slightly above. A new element is never a layout shift.
        if (!reducedMotion() && top < viewport) {
          child.animate(
            [
              { opacity: 0, transform: "translateY(-0.75rem)" },
              { opacity: 1, transform: "none" },
            ],
            { duration: SLIDE_MS, easing: "ease-out" },
          );
        }
        continue;
      }
      const delta = was - top;
      // Only what the reader could see (or is about to) needs to slide; the rest just moves.
      if (delta === 0 || (was > viewport && top > viewport) || (was < -viewport && top < -viewport)) continue;
      child.style.transition = "none";
      child.style.transform = `translateY(${delta}px)`;
      moved.push(child);
    }
    if (moved.length === 0) return;
    const duration = reducedMotion() ? 0 : SLIDE_MS;
    // Two frames: the first paints the elements where they were, the second starts the slide.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        for (const child of moved) {
          child.style.transition = `transform ${duration}ms ease-out`;
          child.style.transform = "";
          child.addEventListener("transitionend", () => (child.style.transition = ""), { once: true });
        }
      }),
    );
  }

  render() {
    const { children, className, animate: _animate, ...rest } = this.props;
    return (
      <section ref={this.ref} className={className} {...rest}>
        {children}
      </section>
    );
  }
}
