import { useLayoutEffect, useRef, type RefObject } from "react";

/**
 * A ref that always holds the latest `value`, for socket and timer callbacks that are set up once but must
 * call the newest handler. Updated after each commit (refs must not be written during render).
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
