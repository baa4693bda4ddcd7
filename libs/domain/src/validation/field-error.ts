/** One problem with one input field, named by its dotted path (e.g. `data.categories[1]`). */
export interface FieldError {
  field: string;
  message: string;
}
