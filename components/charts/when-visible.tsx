"use client";
// Renders its children only once the box comes near the screen: the interactive chart's code (recharts, the largest
// script of a page) is then fetched and run only for a reader who scrolls to it, not while the page is loading.
// Until then (and without JavaScript: the signed-out readers' copies carry none) the box shows `fallback`, the
// chart drawn on the server, so nothing moves when the interactive one takes its place. Without
// IntersectionObserver: at once.
import { useEffect, useRef, useState, type ReactNode } from "react";

export function WhenVisible({ height, className, fallback, children }: { height: number; className?: string; fallback?: ReactNode; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (!el || typeof IntersectionObserver === "undefined") return setVisible(true);
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        setVisible(true);
        observer.disconnect();
      }
    }, { rootMargin: "200px 0px" });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={box} className={className} style={{ minHeight: height }}>
      {visible ? children : fallback}
    </div>
  );
}
