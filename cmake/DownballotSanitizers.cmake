# AddressSanitizer + UBSan for the `asan` preset; aborts on the first report.
if(DOWNBALLOT_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
