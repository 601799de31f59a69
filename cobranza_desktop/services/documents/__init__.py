"""Documents: gathering the book's data for the printed PDFs."""
