# cmake/install.cmake: what `cmake --install` puts under the prefix: the sim
# program, its models (found beside it at run time: sim/model_dir.c), the
# man page, and the embeddable core (static libraries, headers, elsim.pc).
include(GNUInstallDirs)
install(TARGETS sim RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS elsim elsim_isa ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
# the headers include each other by bare name: one folder, named in Cflags
file(GLOB ELSIM_PUBLIC_HEADERS ${PROJECT_SOURCE_DIR}/isa/*.h ${PROJECT_SOURCE_DIR}/isa/*.def
     ${PROJECT_SOURCE_DIR}/sim/*.h)
install(FILES ${ELSIM_PUBLIC_HEADERS} DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/elsim)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/models/ DESTINATION ${CMAKE_INSTALL_DATADIR}/elsim/models
        FILES_MATCHING PATTERN "*.lua")
install(FILES ${PROJECT_SOURCE_DIR}/docs/sim.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
# the libraries are static: their dependencies are public in elsim.pc
# relocatable: the prefix is found from the .pc file's own place, so that
# `cmake --install --prefix DIR` gives a working file in DIR
file(RELATIVE_PATH ELSIM_PC_TO_PREFIX /p/${CMAKE_INSTALL_LIBDIR}/pkgconfig /p)
configure_file(${PROJECT_SOURCE_DIR}/cmake/elsim.pc.in ${PROJECT_BINARY_DIR}/elsim.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/elsim.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
