import { type SfField } from './sobject.types.js';

/**
 * Schema changes an org admin made behind Concord's back: removed fields (gone from describe, and
 * INVALID_FIELD for writes and queries naming them) and picklists with other values. Process-wide,
 * like the catalog it overrides; the admin reset clears it.
 */
class SchemaDrift {
  private readonly removed = new Set<string>();
  private readonly picklists = new Map<string, string[]>();

  removeField(object: string, field: string): void {
    this.removed.add(key(object, field));
  }

  setPicklist(object: string, field: string, values: string[]): void {
    this.picklists.set(key(object, field), values);
  }

  clear(): void {
    this.removed.clear();
    this.picklists.clear();
  }

  /** The field as the drifted org has it; undefined when it was removed. */
  apply(object: string, field: SfField): SfField | undefined {
    const name = key(object, field.name);
    if (this.removed.has(name)) return undefined;
    const values = this.picklists.get(name);
    return values ? { ...field, picklist: values } : field;
  }

  describe(): { removed: string[]; picklists: Record<string, string[]> } {
    return { removed: [...this.removed], picklists: Object.fromEntries(this.picklists) };
  }
}

const key = (object: string, field: string): string => `${object.toLowerCase()}.${field.toLowerCase()}`;

export const schemaDrift = new SchemaDrift();
