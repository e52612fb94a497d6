# Assembling AArch64 test programs: clang for aarch64-linux-gnu with lld.
find_program(ELSIM_CLANG NAMES clang clang-14 clang-15 clang-16)
find_program(ELSIM_LLD NAMES ld.lld ld.lld-14 ld.lld-15 ld.lld-16)
if(NOT ELSIM_CLANG OR NOT ELSIM_LLD)
  message(FATAL_ERROR "clang and lld are needed to assemble testdata: install the Debian packages clang and lld (or run tools/deps.sh)")
endif()
set(ELSIM_A64_FLAGS --target=aarch64-linux-gnu -march=armv8.5-a+memtag+ras
    -nostdlib -static -fuse-ld=lld -Wl,--no-relax -Wl,--build-id=none)

# elsim_asm(NAME SOURCE [LINK_ADDR addr] [FLAGS ...]): SOURCE -> NAME.elf
function(elsim_asm name src)
  cmake_parse_arguments(A "" "LINK_ADDR;OUTDIR" "FLAGS;DEPENDS" ${ARGN})
  if(NOT A_LINK_ADDR)
    set(A_LINK_ADDR 0x40080000)
  endif()
  if(NOT A_OUTDIR)
    set(A_OUTDIR ${CMAKE_CURRENT_BINARY_DIR})
  endif()
  set(out ${A_OUTDIR}/${name}.elf)
  add_custom_command(OUTPUT ${out}
    COMMAND ${ELSIM_CLANG} ${ELSIM_A64_FLAGS} -Wl,-Ttext=${A_LINK_ADDR} ${A_FLAGS}
            -I${PROJECT_SOURCE_DIR}/testdata/include ${src} -o ${out}
    DEPENDS ${src} ${A_DEPENDS}
    COMMENT "Assembling ${name}.elf" VERBATIM)
  add_custom_target(${name}_elf ALL DEPENDS ${out})
endfunction()
