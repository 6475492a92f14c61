// placeholder: replaced by the file's real tests
