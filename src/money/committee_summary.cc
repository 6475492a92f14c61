// placeholder: replaced by the file's real content
