"use client";
// One polite live region for the whole reader page. Screen readers hear "3 new updates" or "Link
// copied", never every entry read out as it arrives. The region is in the server-rendered page from the
// start: a region added together with its text is often not announced.
import { createContext, useCallback, useContext, useRef, useState } from "react";

const AnnounceContext = createContext<(message: string) => void>(() => {});

/** Say something politely (outside a LiveFeed it does nothing). */
export function useAnnounce(): (message: string) => void {
  return useContext(AnnounceContext);
}

export function Announcer({ children }: { children: React.ReactNode }) {
  const [message, setMessage] = useState("");
  const toggle = useRef(false);
  const announce = useCallback((text: string) => {
    // The same words twice in a row must still be a change, or they are not read again.
    toggle.current = !toggle.current;
    setMessage(toggle.current ? text : `${text}\u00a0`);
  }, []);
  return (
    <AnnounceContext.Provider value={announce}>
      <div aria-live="polite" aria-atomic="true" className="sr-only" data-testid="announcer">
        {message}
      </div>
      {children}
    </AnnounceContext.Provider>
  );
}
