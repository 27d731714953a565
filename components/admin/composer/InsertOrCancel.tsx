import { buttonStyles } from "@/components/admin/styles";

/** The two buttons that end an inserter (image, embed): put it into the entry, or drop it. */
export function InsertOrCancel({
  insertLabel,
  onInsert,
  onCancel,
}: {
  insertLabel: string;
  onInsert: () => void;
  onCancel: () => void;
}) {
  return (
    <div className="flex gap-2">
      <button type="button" onClick={onInsert} className={buttonStyles.primary}>
        {insertLabel}
      </button>
      <button type="button" onClick={onCancel} className={buttonStyles.secondary}>
        Cancel
      </button>
    </div>
  );
}
