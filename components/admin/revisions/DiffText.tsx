// Word-level differences as a person reads them: removed words struck through in red, added ones underlined in
// green, the rest as it was. Shared by the History view and the merge panel.
import type { BlockDiff, DiffOp } from "@/common/text-diff";

const DELETED = "rounded-sm bg-red-100 text-red-900 line-through decoration-red-700 dark:bg-red-950 dark:text-red-100";
const INSERTED =
  "rounded-sm bg-green-100 text-green-900 underline decoration-green-700 dark:bg-green-950 dark:text-green-100";

export function WordDiff({ ops }: { ops: readonly DiffOp[] }) {
  return (
    <>
      {ops.map((op, index) =>
        op.type === "equal" ? (
          <span key={index}>{op.text}</span>
        ) : op.type === "delete" ? (
          <del key={index} className={DELETED}>
            {op.text}
          </del>
        ) : (
          <ins key={index} className={INSERTED}>
            {op.text}
          </ins>
        ),
      )}
    </>
  );
}

/** A body compared block by block: each paragraph as it was, removed, added, or changed word by word. */
export function BodyDiff({ blocks }: { blocks: readonly BlockDiff[] }) {
  if (blocks.length === 0) return <p className="text-neutral-500">(no text)</p>;
  return (
    <div className="space-y-2">
      {blocks.map((block, index) => (
        <p key={index}>
          {block.type === "equal" ? (
            block.text
          ) : block.type === "changed" ? (
            <WordDiff ops={block.ops} />
          ) : block.type === "delete" ? (
            <del className={DELETED}>{block.text}</del>
          ) : (
            <ins className={INSERTED}>{block.text}</ins>
          )}
        </p>
      ))}
    </div>
  );
}
